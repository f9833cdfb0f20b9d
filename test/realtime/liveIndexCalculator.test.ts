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

  it("a correction retracts the busted print from the index's session high/low", () => {
    const c = new LiveIndexCalculator(state);
    c.apply(t('A', 1, 120, { seq: 1 })); // busted: 600 + 10 × (120 − 100) / 2 = 700, the session high
    c.apply(t('B', 2, 42, { seq: 1 })); // 700 + 5 × (42 − 40) / 2 = 705, new high
    expect(c.levelHighLow()).toEqual({ high: 705, low: 600 });
    expect(name(c.apply(t('A', 3, 101, { seq: 2, corrects: 1 })))).toBe('corrected');
    // Corrected path: 600, A at 101 → 600 + 5 = 605, B at 42 → 605 + 5 = 610. High 610, low 600.
    expect(c.level()).toBe(610);
    expect(c.levelHighLow()).toEqual({ high: 610, low: 600 });
    c.apply(t('B', 4, 30, { seq: 2 })); // busted low: 610 + 5 × (30 − 42) / 2 = 580
    expect(c.levelHighLow()).toEqual({ high: 610, low: 580 });
    c.apply(t('B', 5, 40, { seq: 3, corrects: 2 })); // 580 + 5 × (40 − 30) / 2 = 605; path 600, 605, 610, 605
    expect(c.levelHighLow()).toEqual({ high: 610, low: 600 });
    c.apply(t('A', 6, 90, { seq: 3 })); // 605 + 10 × (90 − 101) / 2 = 550, low set by this trade
    c.apply(t('A', 7, 130, { seq: 4, corrects: 3 })); // raised: 550 + 10 × 40 / 2 = 750, a new high
    // Path 600, 605, 610, 605, 750: high 750, low 600.
    expect(c.levelHighLow()).toEqual({ high: 750, low: 600 });
  });

  it("the index's session high/low equal those of the corrected path (property)", () => {
    // Ops: a trade (who, price) or a correction of who's last trade to price. The model keeps every step and
    // rewrites the corrected one, then recomputes the whole path from the previous close.
    const opArb = fc.record({ who: fc.integer({ min: 0, max: 1 }), price: fc.integer({ min: 1, max: 400 }), fix: fc.boolean() });
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 120 }), (ops) => {
        const c = new LiveIndexCalculator(state);
        const steps: { who: number; price: number }[] = [];
        const lastStep = [-1, -1], seq = [0, 0], lastSeq = [0, 0];
        ops.forEach((o, k) => {
          const sym = o.who === 0 ? 'A' : 'B';
          const s = ++seq[o.who]!;
          if (o.fix && lastStep[o.who]! >= 0) {
            expect(name(c.apply(t(sym, k, o.price, { seq: s, corrects: lastSeq[o.who]! })))).toBe('corrected');
            steps[lastStep[o.who]!]!.price = o.price;
          } else {
            expect(name(c.apply(t(sym, k, o.price, { seq: s })))).toBe('applied');
            lastStep[o.who] = steps.length;
            lastSeq[o.who] = s;
            steps.push({ who: o.who, price: o.price });
          }
        });
        const px = [100, 40];
        let high = 600, low = 600;
        for (const st of steps) {
          px[st.who] = st.price;
          const level = (10 * px[0]! + 5 * px[1]!) / 2;
          high = Math.max(high, level);
          low = Math.min(low, level);
        }
        const got = c.levelHighLow();
        expect(Math.abs(got.high - high)).toBeLessThanOrEqual(1e-9 * high);
        expect(Math.abs(got.low - low)).toBeLessThanOrEqual(1e-9 * low);
      }),
    );
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
