import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import { runStreaming } from '../../src/analytics/detector.js';
import { correctionDetector, regimeDetector } from '../../src/analytics/regime/regimeDetectors.js';
import { BarColumns } from '../../src/analytics/series/BarColumns.js';

/** Bars on consecutive days from 2024-01-01; [close] or [close, high, low]. */
const series = (rows: (number | [number, number, number])[]): Bar[] =>
  rows.map((r, k) => {
    const [close, high, low] = typeof r === 'number' ? [r, r, r] : r;
    const date = new Date(Date.UTC(2024, 0, 1 + k)).toISOString().slice(0, 10) as SessionDate;
    return { date, open: close, high, low, close, adjClose: null, volume: null };
  });
const facts = (bars: Bar[], det = regimeDetector) => {
  const out = det.batch(BarColumns.fromBars(bars));
  return bars.map((_, i) => out.factsAt(i));
};

describe('regime state machine', () => {
  it('is unknown until the first 20% move, then enters a bear market measured from the high', () => {
    // 100 -> 110 (high) -> 95 -> 88: 88 <= 0.8 x 110 = 88 -> bear entered on the 4th session, 88/110-1 = -20%
    const f = facts(series([100, 110, 95, 88]));
    expect(f.slice(0, 3)).toEqual([null, null, null]);
    expect(f[3]).toEqual([{ type: 'bear_market', basis: 'close', event: 'entered', changePct: (88 / 110 - 1) * 100, value: 88, reference: { date: '2024-01-02', value: 110 } }]);
  });

  it('keeps the bear (hysteresis) until a close 20% above the trough, then names the bear it ended', () => {
    // bear from 110; trough 80 (session 5); 95 is +18.75% (still bear); 96 = 1.2 x 80 -> bull entered, +20%
    const f = facts(series([100, 110, 88, 80, 95, 96, 90]));
    expect(f[4]?.[0]).toMatchObject({ type: 'bear_market', event: 'in', reference: { date: '2024-01-02', value: 110 } });
    expect(f[5]?.[0]).toEqual({
      type: 'bull_market', basis: 'close', event: 'entered', changePct: (96 / 80 - 1) * 100, value: 96,
      reference: { date: '2024-01-04', value: 80 },
      detail: { previous: { type: 'bear_market', reference: { date: '2024-01-02', value: 110 } } },
    });
    // 90 is 6.25% below the new bull's peak 96: still a bull market, measured from the 80 trough
    expect(f[6]).toEqual([{ type: 'bull_market', basis: 'close', event: 'in', changePct: (90 / 80 - 1) * 100, value: 90, reference: { date: '2024-01-04', value: 80 } }]);
  });

  it('reports an intraday-only crossing as its own fact, with basis intraday', () => {
    // bear from 110, trough 80; session high 97 >= 96 = 1.2 x 80 but close 95 < 96
    const f = facts(series([100, 110, 88, 80, [95, 97, 90]]));
    expect(f[4]).toEqual([
      { type: 'bear_market', basis: 'close', event: 'in', changePct: (95 / 110 - 1) * 100, value: 95, reference: { date: '2024-01-02', value: 110 } },
      { type: 'bull_market', basis: 'intraday', event: 'entered', changePct: (97 / 80 - 1) * 100, value: 97, reference: { date: '2024-01-04', value: 80 } },
    ]);
  });

  it('says an intraday-only crossing once per leg: the next session crossing the same line is not "entered" again', () => {
    // bull from the 100 low (120 = +20%), peak 130, bear line 0.8 x 130 = 104.
    // session 4: low 103 <= 104, close 110 -> intraday bear entered; session 5: low 102 <= 104 again, close 108:
    // the same line, already crossed: no second "entered". A new peak 140 (session 6) moves the line to 112;
    // session 7: low 111 <= 112, close 120 -> a new crossing of the new line, said again.
    const bars = series([100, 120, 130, [110, 112, 103], [108, 110, 102], 140, [120, 125, 111]]);
    for (const f of [facts(bars), runStreaming(regimeDetector.create(), bars)]) {
      const intraday = (i: number) => (f[i] ?? []).filter((x) => x.basis === 'intraday');
      expect(intraday(3)).toEqual([{ type: 'bear_market', basis: 'intraday', event: 'entered', changePct: (103 / 130 - 1) * 100, value: 103, reference: { date: '2024-01-03', value: 130 } }]);
      expect(intraday(4)).toEqual([]);
      expect(intraday(6)).toEqual([{ type: 'bear_market', basis: 'intraday', event: 'entered', changePct: (111 / 140 - 1) * 100, value: 111, reference: { date: '2024-01-06', value: 140 } }]);
    }
  });

  it('dates ties of the trough to the first session that reached it', () => {
    const f = facts(series([100, 110, 88, 80, 80, 96]));
    expect(f[5]?.[0]?.reference).toEqual({ date: '2024-01-04', value: 80 });
  });
});

describe('correction', () => {
  it('enters at 10% below the bull-leg peak, stays in while at or below the line, ends at a close above the peak', () => {
    // bull entered at 120 (from 100 low... first move: 100 -> 120 = +20%); peak 130; 117 = 0.9 x 130 -> entered
    const f = facts(series([100, 120, 130, 117, 110, 125, 131, 118]), correctionDetector);
    expect(f[0]).toBeNull();
    expect(f[2]).toEqual([]);
    expect(f[3]).toEqual([{ type: 'correction', basis: 'close', event: 'entered', changePct: (117 / 130 - 1) * 100, value: 117, reference: { date: '2024-01-03', value: 130 } }]);
    expect(f[4]?.[0]).toMatchObject({ event: 'in', reference: { value: 130 } });
    expect(f[5]).toEqual([]); // 125 > 117: back above the line, no fact (not a new high yet)
    expect(f[6]).toEqual([]); // 131: new peak, correction over
    // 118 <= 0.9 x 131 = 117.9? no: 118 > 117.9 -> nothing
    expect(f[7]).toEqual([]);
  });
});
