import { describe, expect, it } from 'vitest';
import { runEventStudy } from '../../../src/app/news/eventStudy.js';
import { asSessionDate } from '../../../src/core/units.js';
import { describeWithSharedData, HK_DATA } from '../../support/sharedData.js';

describeWithSharedData('event study on real data: Kingdee (0268.HK) on 2025-02-07 against HSI', () => {
  const r = runEventStudy(HK_DATA, '0268.HK', 'HSI', asSessionDate('2025-02-07'));

  it('uses 120 returns ending 10 sessions before the event', () => {
    expect(r.eventSession).toBe('2025-02-07');
    expect(r.estimation.sessions).toBe(120);
    expect(r.estimation.from).toBe('2024-07-26');
    // 2025-01-20 + 10 sessions (01-21..01-28, 02-03..02-06; Lunar New Year 01-29..31 closed) = the day before 2025-02-07
    expect(r.estimation.to).toBe('2025-01-20');
    // 0268.HK.csv and HSI.csv have the same sessions from 2018-01-02 on: no gaps to bridge
    expect([r.droppedStockOnly, r.droppedMarketOnly]).toEqual([0, 0]);
  });
  it('finds a large, significant positive abnormal return on the day (sign and size sane)', () => {
    const d0 = r.days.find((d) => d.tau === 0)!;
    // Kingdee closed +14.84% while HSI rose 1.16% (RTHK: "up 1.2 percent at 21,133")
    expect(d0.stockReturn).toBeCloseTo(0.148423, 5);
    expect(d0.marketReturn).toBeCloseTo(0.011580, 5);
    // beta 1.904 (a high-beta software stock), alpha 0.16%/day: expected 0.0016 + 1.9044 * 0.01158 = 2.37%
    expect(r.estimation.beta).toBeCloseTo(1.9044, 3);
    expect(d0.expectedReturn).toBeCloseTo(0.023654, 5);
    expect(d0.abnormalReturn).toBeCloseTo(0.124769, 5);
    expect(d0.tStat).toBeCloseTo(4.109, 2);
    const [w00, w11, w05] = r.windows;
    expect(w00!.pValue!).toBeLessThan(0.001);
    expect(w11!.car).toBeCloseTo(0.064564, 5); // the day before fell 5.6% abnormally, so [-1,+1] is smaller
    expect(w11!.tStat).toBeCloseTo(1.2107, 3);
    expect(w05!.car).toBeCloseTo(0.182805, 5);
    expect(w05!.tStat).toBeCloseTo(2.3851, 3);
    // the rank test agrees in sign; on one day the best possible rank Z is bounded near sqrt(3) for N = 121
    // (120 estimation returns + the window's one day: the other windows' days are not ranked with it)
    expect(w00!.rankZ).toBeCloseTo(1.7178, 4);
    const alone = runEventStudy(HK_DATA, '0268.HK', 'HSI', asSessionDate('2025-02-07'), { windows: [[0, 0]] });
    expect(alone.windows[0]!.rankZ).toBe(w00!.rankZ);
  });
});
