import { describe, expect, it } from 'vitest';
import type { CorporateAction } from '../../src/domain/corporateAction.js';
import type { IndexSession } from '../../src/domain/indexLevel.js';
import { buildIndex } from '../../src/engine/buildIndex.js';
import { IndexCalculator } from '../../src/engine/IndexCalculator.js';
import { barsFrom, D, methodology, sym } from './helpers.js';

const EQUAL = `universe:\n  symbols: [A, B, C]\nweighting:\n  scheme: equal\n`;
const close = (a: number, b: number, rel = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

/** Every ordering of `xs`. */
function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/*
 * Issue 15: a split and a dividend going ex on the same date gave a result that depended on the order of the
 * actions file. The rule (docs/engine.md "Several actions on one ex-date"): split, then share change, then cash
 * dividend, then special dividend, then rights issue; per-share amounts are per share as it trades on the ex-date
 * (after the split).
 *
 * Base 2025-01-02 (value 1000), equal weights over A=10, B=20, C=40: q A 33.333, B 16.667, C 8.3333; divisor 1.
 * 2025-01-03: A 11, B 20, C 38 -> M = 366.667 + 333.333 + 316.667 = 1016.667 = level (3050/3).
 * 2025-01-06, ex-date of four actions:
 *   B: split 2:1, then cash dividend 1 per new share: q B 16.667 x 2 = 33.333, previous price 20 / 2 = 10;
 *      dividend cash = 33.333 x 1 = 33.333 (dividend first would give 16.667 x 1 = 16.667).
 *   C: split 2:1, then special dividend 4 per new share: q C 8.3333 x 2 = 16.667, previous price 38 / 2 = 19, then
 *      19 - 4 = 15 (special first would give (38 - 4) / 2 = 17).
 *      M before the special = 366.667 + 333.333 + 16.667 x 19 = 1016.667 (the splits leave it), after it
 *      366.667 + 333.333 + 16.667 x 15 = 950, so divisor = 950 / 1016.667 = 2850 / 3050 = 0.934426.
 *   Closes: A 11, B 9 (10 less the dividend), C 15 (flat against its adjusted 15).
 *   PR: M_t = 366.667 + 33.333 x 9 + 16.667 x 15 = 366.667 + 300 + 250 = 916.667 = 2750/3,
 *       level = (2750/3) / (2850/3050) = 2750 x 3050 / (3 x 2850) = 980.994.
 *   TR: M_t-1 (adjusted) = 366.667 + 33.333 x 10 + 16.667 x 15 = 950;
 *       TR = 1016.667 x (916.667 + 33.333) / 950 = 1016.667 (the dividend reinvested: flat).
 */
const ACTIONS: CorporateAction[] = [
  { kind: 'split', symbol: sym('B'), exDate: D[2]!, ratio: 2 },
  { kind: 'cash_dividend', symbol: sym('B'), exDate: D[2]!, amount: 1 },
  { kind: 'split', symbol: sym('C'), exDate: D[2]!, ratio: 2 },
  { kind: 'special_dividend', symbol: sym('C'), exDate: D[2]!, amount: 4 },
];
const BARS = { A: [10, 11, 11], B: [20, 20, 9], C: [40, 38, 15] };

describe('split and dividends on the same ex-date: the result does not depend on the file order (issue 15)', () => {
  const orders = permutations(ACTIONS);
  const runs = orders.map((actions) => buildIndex(methodology(EQUAL), { bars: barsFrom(D, BARS), actions }));
  const day3 = (r: { sessions: IndexSession[] }) => r.sessions.find((s) => s.date === D[2])!;

  it('the hand-computed divisor, level and total return, split first then the dividend per new share', () => {
    const s = day3(runs[0]!);
    close(s.divisor, 2850 / 3050);
    close(s.level, (2750 * 3050) / (3 * 2850));
    close(s.levelTr, 3050 / 3);
    const c = s.constituents.find((x) => x.symbol === 'C')!;
    close(c.previousPrice, 15);
    close(c.indexShares, (1000 / 3 / 40) * 2);
  });

  it(`all ${orders.length} orders of the four actions give bit-identical divisors, levels and events`, () => {
    expect(orders.length).toBe(24);
    const key = (r: { sessions: IndexSession[] }) => r.sessions.map((s) => [s.divisor, s.level, s.levelTr, s.divisorTr, s.events.join('; ')]);
    const first = key(runs[0]!);
    for (const r of runs) expect(key(r)).toEqual(first);
  });

  it('the streaming calculator agrees, in the reversed order too', () => {
    const calc = new IndexCalculator(methodology(EQUAL), { actions: [...ACTIONS].reverse() });
    const bars = barsFrom(D, BARS);
    let last: IndexSession | null = null;
    for (let i = 0; i < 3; i++) {
      last = calc.update({ date: D[i]!, bars: new Map([...bars].map(([s, b]) => [s, b[i]!])) });
    }
    expect(last!.divisor).toBe(day3(runs[0]!).divisor);
    expect(last!.level).toBe(day3(runs[0]!).level);
  });
});
