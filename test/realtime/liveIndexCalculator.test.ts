import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asIndexCode, asSecurityId, asSessionDate, asTimeMs } from '../../src/core/units.js';
import type { Tick } from '../../src/domain/tick.js';
import { LiveIndexCalculator } from '../../src/realtime/LiveIndexCalculator.js';
import type { LiveIndexState } from '../../src/realtime/liveIndexState.js';
import { TICK_OUTCOME_NAMES } from '../../src/realtime/tickOutcome.js';

const A = asSecurityId('A'), B = asSecurityId('B');
// Level at the previous close: (10 × 100 + 5 × 40) / 2 = 1200 / 2 = 600.
const state: LiveIndexState = {
  code: asIndexCode('TEST'),
  sessionDate: asSessionDate('2025-02-07'),
  divisor: 2,
  members: [
    { symbol: A, indexShares: 10, previousClose: 100 },
    { symbol: B, indexShares: 5, previousClose: 40 },
  ],
};
const t = (symbol: string, timeMs: number, price: number, extra: Partial<Tick> = {}): Tick => ({
  symbol: asSecurityId(symbol), timeMs: asTimeMs(timeMs), price, ...extra,
});
const name = (code: number) => TICK_OUTCOME_NAMES[code];

describe('LiveIndexCalculator', () => {
  it('moves the level by indexShares × (new − old) / divisor and keeps contributions', () => {
    const c = new LiveIndexCalculator(state);
    expect(c.level()).toBe(600);
    expect(name(c.apply(t('A', 1, 101)))).toBe('applied'); // 600 + 10 × (101 − 100) / 2 = 605
    expect(c.level()).toBe(605);
    expect(name(c.apply(t('B', 2, 38)))).toBe('applied'); // 605 + 5 × (38 − 40) / 2 = 600
    expect(c.level()).toBe(600);
    expect(c.member(0).contributionPoints).toBe(5); // 10 × (101 − 100) / 2
    expect(c.member(1).contributionPoints).toBe(-5); // 5 × (38 − 40) / 2
    expect(c.apply(t('A', 3, 99))).toBe(0); // 600 + 10 × (99 − 101) / 2 = 590
    expect(c.level()).toBe(590);
    expect(c.levelHighLow()).toEqual({ high: 605, low: 590 });
    expect(c.member(0)).toMatchObject({ high: 101, low: 99, ticks: 2, stale: false });
  });

  it('rejects duplicates, out-of-order, unknown symbols and bad prices with a reason, never applying them', () => {
    const c = new LiveIndexCalculator(state);
    c.apply(t('A', 10, 102, { seq: 5 })); // 600 + 10 × 2 / 2 = 610
    expect(name(c.apply(t('A', 10, 150, { seq: 5 })))).toBe('duplicate');
    expect(name(c.apply(t('A', 11, 150, { seq: 4 })))).toBe('out_of_order');
    expect(name(c.apply(t('B', 10, 41)))).toBe('applied'); // 610 + 5 × 1 / 2 = 612.5
    expect(name(c.apply(t('B', 9, 45)))).toBe('out_of_order'); // no seq: earlier time
    expect(name(c.apply(t('B', 10, 41)))).toBe('duplicate'); // no seq: same time, price and size
    expect(name(c.apply(t('B', 10, 42)))).toBe('applied'); // same time, another price: a new trade; 612.5 + 2.5 = 615
    expect(name(c.apply(t('Z', 10, 1)))).toBe('unknown_symbol');
    expect(name(c.apply(t('A', 12, 0, { seq: 6 })))).toBe('bad_price');
    expect(name(c.apply(t('A', 12, Number.NaN, { seq: 6 })))).toBe('bad_price');
    expect(c.level()).toBe(615);
    const n = c.outcomeCounts();
    expect(n).toMatchObject({ applied: 3, duplicate: 2, out_of_order: 2, unknown_symbol: 1, bad_price: 2 });
  });

  it('a correction replaces the trade it corrects, or is superseded by a later one', () => {
    const c = new LiveIndexCalculator(state);
    c.apply(t('A', 1, 120, { seq: 1 })); // a busted print: 600 + 10 × 20 / 2 = 700
    expect(c.level()).toBe(700);
    expect(name(c.apply(t('A', 2, 101, { corrects: 1 })))).toBe('corrected'); // 600 + 10 × 1 / 2 = 605
    expect(c.level()).toBe(605);
    expect(c.member(0)).toMatchObject({ price: 101, high: 101, low: 101 }); // the busted 120 is retracted
    c.apply(t('A', 3, 102, { seq: 2 })); // 610
    expect(name(c.apply(t('A', 4, 90, { corrects: 1 })))).toBe('correction_superseded');
    expect(name(c.apply(t('A', 4, 90, { corrects: 9 })))).toBe('correction_unknown');
    expect(c.level()).toBe(610);
  });

  it('rejects ticks before the open, in the lunch break, after the close and while halted', () => {
    const c = new LiveIndexCalculator(state, [{ startMs: 100, endMs: 200 }, { startMs: 300, endMs: 400 }]);
    expect(name(c.apply(t('A', 99, 101)))).toBe('before_open');
    expect(name(c.apply(t('A', 100, 101)))).toBe('applied');
    expect(name(c.apply(t('A', 200, 102)))).toBe('lunch_break'); // end is exclusive
    expect(name(c.apply(t('A', 400, 102)))).toBe('after_close');
    c.halt('B');
    expect(name(c.apply(t('B', 310, 50)))).toBe('halted');
    expect(c.member(1)).toMatchObject({ halted: true, stale: true, price: 40 });
    c.resume('B');
    expect(name(c.apply(t('B', 320, 50)))).toBe('applied');
    expect(c.level()).toBe(630); // 600 + 10 × 1 / 2 + 5 × 10 / 2 = 600 + 5 + 25
  });

  it('keeps a member without trades at its previous close, flagged stale', () => {
    const c = new LiveIndexCalculator(state);
    c.apply(t('A', 1, 110));
    expect(c.member(1)).toMatchObject({ price: 40, stale: true, lastTimeMs: null, contributionPoints: 0 });
  });

  it('the running level equals the level recomputed from scratch (property)', () => {
    const tickArb = fc.record({ who: fc.integer({ min: 0, max: 1 }), price: fc.double({ min: 0.01, max: 1e4, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(tickArb, { maxLength: 300 }), (ticks) => {
        const c = new LiveIndexCalculator(state);
        ticks.forEach((x, k) => c.apply(t(x.who === 0 ? 'A' : 'B', k, x.price)));
        const full = c.recomputedLevel();
        expect(Math.abs(c.level() - full)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(full)));
        let sum = c.previousLevel();
        for (let i = 0; i < c.size; i++) sum += c.member(i).contributionPoints;
        expect(Math.abs(sum - full)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(full)));
      }),
    );
  });

  it('refuses a state with a bad divisor or a repeated member', () => {
    expect(() => new LiveIndexCalculator({ ...state, divisor: 0 })).toThrow(/divisor.*positive/);
    expect(() => new LiveIndexCalculator({ ...state, members: [state.members[0]!, state.members[0]!] })).toThrow(/repeated symbol/);
  });
});
