import { describe, expect, it } from 'vitest';
import type { SecurityId } from '../../src/core/units.js';
import type { EngineAction } from '../../src/domain/indexRun.js';
import type { IndexSession } from '../../src/domain/indexLevel.js';
import type { Security } from '../../src/domain/security.js';
import { buildIndex } from '../../src/engine/buildIndex.js';
import { barsFrom, D, methodology, sym } from './helpers.js';

/*
 * ffmcap weighting ranks and weights by price x shares outstanding. The security master gives the share counts
 * before the listed corporate actions, so a split, rights issue or share change must scale the share count used at
 * a later review, as it scales the index shares; otherwise a 2:1 split halves the stock's market cap at the next
 * review (the demo SIMTECH's 7003.SIM fell from 2.5% to 1.4% at the 2024-12-09 review this way).
 */
const FFMCAP = `universe:\n  symbols: [A, B]\nweighting:\n  scheme: ffmcap\nreviews:\n  dates: [2025-01-06]\n`;
const securities = new Map<SecurityId, Security>(
  [['A', 1], ['B', 0.5]].map(([s, n]) => [sym(s as string), { id: sym(s as string), kind: 'stock', name: s as string, currency: 'HKD', exchange: 'XHKG', sharesOutstanding: n as number }]),
);
const weightsAtReview = (closes: { A: number[]; B: number[] }, actions: EngineAction[]) => {
  const shareChanges = actions.filter((a) => a.kind === 'share_change');
  const corporate = actions.filter((a) => a.kind !== 'share_change');
  const run = buildIndex(methodology(FFMCAP), { bars: barsFrom(D, closes), securities, actions: corporate as never, shareChanges: shareChanges as never });
  const s = run.sessions.find((x) => x.date === D[2]) as IndexSession;
  expect(s.events.at(-1)).toBe('review: 2 constituents, ffmcap weights');
  const w = (x: string) => s.constituents.find((c) => c.symbol === x)?.weight as number;
  return { A: w('A'), B: w('B') };
};

describe('ffmcap reviews use share counts adjusted for the corporate actions since the security master', () => {
  // Base 2025-01-02: A 10 x 1 share = 10, B 20 x 0.5 = 10 -> 0.5 / 0.5.
  it('a 2:1 split of A before the review leaves its market cap unchanged', () => {
    // Split ex 2025-01-03, A closes 5 (= 10 / 2), B 20. Review 2025-01-06 at the 01-03 closes:
    //   A 5 x (1 x 2) = 10, B 20 x 0.5 = 10 -> 0.5 / 0.5 (unadjusted shares would give 5 / 15 = 1/3).
    const w = weightsAtReview({ A: [10, 5, 5], B: [20, 20, 20] }, [{ kind: 'split', symbol: sym('A'), exDate: D[1]!, ratio: 2 }]);
    expect(w.A).toBeCloseTo(0.5, 12);
    expect(w.B).toBeCloseTo(0.5, 12);
  });

  it('a rights issue (1 new for 1 at 10) of B scales its shares by (1 + 1) / 1', () => {
    // TERP (1 x 20 + 1 x 10) / 2 = 15; B closes 15 on 01-03: B 15 x (0.5 x 2) = 15, A 10 x 1 = 10 -> 0.4 / 0.6
    // (unadjusted: 7.5 / 17.5 = 0.428571 for B).
    const w = weightsAtReview({ A: [10, 10, 10], B: [20, 15, 15] }, [
      { kind: 'rights_issue', symbol: sym('B'), exDate: D[1]!, newShares: 1, oldShares: 1, subscriptionPrice: 10 },
    ]);
    expect(w.A).toBeCloseTo(0.4, 12);
    expect(w.B).toBeCloseTo(0.6, 12);
  });

  it('a share change (A x 3) counts at the review; an action after the review does not', () => {
    // A x3 ex 01-03: A 10 x 3 = 30, B 10 -> 0.75 / 0.25. A split of B ex 01-07 (after the review) is ignored.
    const w = weightsAtReview({ A: [10, 10, 10], B: [20, 20, 20] }, [
      { kind: 'share_change', symbol: sym('A'), exDate: D[1]!, factor: 3 },
      { kind: 'split', symbol: sym('B'), exDate: D[3]!, ratio: 2 },
    ]);
    expect(w.A).toBeCloseTo(0.75, 12);
    expect(w.B).toBeCloseTo(0.25, 12);
  });
});

describe('a constituent change between reviews', () => {
  it('says so in issues when an entrant has no price yet (it is left out, not silently dropped)', () => {
    // C leaves and D enters on 2025-01-06, but D's first bar is 2025-01-07: D cannot be priced at the 01-03 close,
    // so A and B take C's weight (no entrant) and the run's issues name D.
    const members = [
      { symbol: sym('A'), name: 'A', from: null, to: null },
      { symbol: sym('B'), name: 'B', from: null, to: null },
      { symbol: sym('C'), name: 'C', from: null, to: D[2]! },
      { symbol: sym('D'), name: 'D', from: D[2]!, to: null },
    ];
    const m = methodology(`universe:\n  membership: members.csv\nweighting:\n  scheme: equal\n`);
    const bars = barsFrom(D, { A: [10, 11, 11, 11], B: [20, 20, 20, 20], C: [40, 38, 37, 37], D: [NaN, NaN, NaN, 55] });
    const run = buildIndex(m, { bars, members });
    const s3 = run.sessions.find((s) => s.date === D[2]) as IndexSession;
    expect(s3.constituents.map((c) => c.symbol)).toEqual(['A', 'B']);
    expect(s3.events).toEqual(['constituent change: -C']); // one space, no empty "+" part
    expect(run.issues).toContain('2025-01-06: D has no price yet; left out of the constituent change');
  });
});

it('an entrant with no leaver reads "+D" in the events, without a dangling "-"', () => {
  // D joins on 2025-01-06 and nobody leaves: A, B, C are scaled by 3/4 and D gets 1/4 (equal share of 4 names).
  const members = ['A', 'B', 'C'].map((s) => ({ symbol: sym(s), name: s, from: null, to: null }));
  members.push({ symbol: sym('D'), name: 'D', from: D[2]!, to: null } as never);
  const m = methodology(`universe:\n  membership: members.csv\nweighting:\n  scheme: equal\n`);
  const bars = barsFrom(D, { A: [10, 11, 11], B: [20, 20, 20], C: [40, 38, 37], D: [48, 50, 55] });
  const s3 = buildIndex(m, { bars, members }).sessions.find((s) => s.date === D[2]) as IndexSession;
  expect(s3.events).toEqual(['constituent change: +D']);
  expect(s3.constituents.find((c) => c.symbol === 'D')?.weight).toBeCloseTo(0.25, 12);
});

describe('a rights issue out of the money (subscription price not below the previous close)', () => {
  // methodology.md §2.2: the rights issue moves price, shares and divisor "when Ps < P"; providers apply it only
  // in the money. Applying 1 new for 1 at 30 on B (previous close 20) would set B's previous price to the TERP
  // (20 + 30) / 2 = 25 while B still trades at 20: a fake -20% day on doubled shares.
  const rights = { kind: 'rights_issue' as const, symbol: sym('B'), exDate: D[1]!, newShares: 1, oldShares: 1, subscriptionPrice: 30 };

  it('is not applied: price, shares, divisor and level unchanged, and an issue says so', () => {
    // Equal weights A 10, B 20 at base 1000: q A = 50, q B = 25, divisor 1. Day 2 both flat -> level 1000.
    const m = methodology(`universe:\n  symbols: [A, B]\nweighting:\n  scheme: equal\n`);
    const run = buildIndex(m, { bars: barsFrom(D, { A: [10, 10], B: [20, 20] }), actions: [rights] });
    const s2 = run.sessions[1] as IndexSession;
    const b = s2.constituents.find((c) => c.symbol === 'B');
    expect(b?.previousPrice).toBe(20);
    expect(b?.indexShares).toBeCloseTo(25, 12);
    expect(s2.divisor).toBeCloseTo(1, 12);
    expect(s2.level).toBeCloseTo(1000, 9);
    expect(s2.events).toEqual([]);
    expect(run.issues).toContain('2025-01-03: rights issue B 1 for 1 at 30 not below the previous close 20: out of the money, not applied');
  });

  it('does not scale the share count at a later ffmcap review', () => {
    // A 10 x 1 = 10, B 20 x 0.5 = 10 at the 01-03 closes -> 0.5 / 0.5 (scaling B by 2 would give 1/3, 2/3).
    const w = weightsAtReview({ A: [10, 10, 10], B: [20, 20, 20] }, [rights]);
    expect(w.A).toBeCloseTo(0.5, 12);
    expect(w.B).toBeCloseTo(0.5, 12);
  });
});
