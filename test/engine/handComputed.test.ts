import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import type { CorporateAction } from '../../src/domain/corporateAction.js';
import type { IndexSession } from '../../src/domain/indexLevel.js';
import type { MembershipInterval } from '../../src/domain/membership.js';
import { buildIndex } from '../../src/engine/buildIndex.js';
import { barsFrom, D, methodology, sym } from './helpers.js';

const EQUAL = `universe:
  symbols: [A, B, C]
weighting:
  scheme: equal
`;
const close = (a: number, b: number, rel = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
const con = (s: IndexSession, symbol: string) => s.constituents.find((c) => c.symbol === symbol)!;
const at = (run: { sessions: IndexSession[] }, d: string) => run.sessions.find((s) => s.date === d)!;

/*
 * Base 2025-01-02, value 1000, equal weights over A=10, B=20, C=40:
 *   index shares q = (1/3) x 1000 / P: A 33.333.., B 16.666.., C 8.333..; divisor 1 (shares x price are points).
 * Day 2 (01-03): A 11, B 20, C 38:
 *   M = 33.333 x 11 + 16.667 x 20 + 8.3333 x 38 = 366.667 + 333.333 + 316.667 = 1016.667 -> level 1016.667
 *   contributions: A 33.333 x (11 - 10) = +33.333; B 0; C 8.3333 x (38 - 40) = -16.667; sum +16.667 = move
 */
const base = { A: [10, 11], B: [20, 20], C: [40, 38] };

describe('3-stock index, hand computed', () => {
  it('base and first move: level, weights, contributions', () => {
    const run = buildIndex(methodology(EQUAL), { bars: barsFrom(D, base) });
    const [s1, s2] = run.sessions as [IndexSession, IndexSession];
    close(s1.level, 1000);
    close(con(s1, 'A').indexShares, 1000 / 3 / 10);
    close(con(s1, 'A').weight, 1 / 3);
    expect(s1.previousLevel).toBeNull();
    close(s2.level, 3050 / 3); // 1016.667
    close(con(s2, 'A').contributionPoints, 100 / 3); // +33.333
    close(con(s2, 'B').contributionPoints, 0);
    close(con(s2, 'C').contributionPoints, -50 / 3); // -16.667
    close(con(s2, 'C').change, 38 / 40 - 1); // -5%
    close(con(s2, 'A').weight, 1 / 3); // weight at the previous close
    close(s2.divisor, 1);
  });

  it('a review re-weights at the previous close and keeps the level', () => {
    // Review effective 2025-01-06 at day-2 closes: each name gets 1016.667 / 3 = 338.889 points:
    //   q A = 338.889 / 11 = 30.808, q B = 338.889 / 20 = 16.944, q C = 338.889 / 38 = 8.918; divisor stays 1.
    // Day 3: A 11, B 22 (+10%), C 38 -> level = 1016.667 x (1 + 0.1 / 3) = 1050.556
    const m = methodology(`${EQUAL}reviews:\n  dates: [2025-01-06]\n`);
    const run = buildIndex(m, { bars: barsFrom(D, { A: [10, 11, 11], B: [20, 20, 22], C: [40, 38, 38] }) });
    const s3 = at(run, '2025-01-06');
    expect(s3.events[0]).toBe('review: 3 constituents, equal weights');
    close(con(s3, 'A').indexShares, 3050 / 9 / 11);
    close(con(s3, 'B').weight, 1 / 3);
    close(s3.divisor, 1);
    close(s3.level, (3050 / 3) * (1 + 0.1 / 3));
    close(con(s3, 'B').contributionPoints, s3.level - s3.previousLevel!);
  });

  it('a constituent change between reviews: the entrant takes the leaver\'s weight, the level does not jump', () => {
    // C leaves and D enters at 2025-01-06. C's weight at the day-2 close = 316.667 / 1016.667 = 0.311475;
    // D (price 50) gets q = 316.667 / 50 = 6.3333; A and B keep their shares; divisor stays 1 (same market value).
    // Day 3: A 11, B 20, D 55 (+10%) -> level = 1016.667 + 6.3333 x 5 = 1048.333
    const members: MembershipInterval[] = [
      { symbol: sym('A'), name: 'A', from: null, to: null },
      { symbol: sym('B'), name: 'B', from: null, to: null },
      { symbol: sym('C'), name: 'C', from: null, to: '2025-01-06' as SessionDate },
      { symbol: sym('D'), name: 'D', from: '2025-01-06' as SessionDate, to: null },
    ];
    const m = methodology(`universe:\n  membership: members.csv\nweighting:\n  scheme: equal\n`);
    const bars = barsFrom(D, { A: [10, 11, 11], B: [20, 20, 20], C: [40, 38, 37], D: [48, 50, 55] });
    const s3 = at(buildIndex(m, { bars, members }), '2025-01-06');
    expect(s3.events).toEqual(['constituent change: +D -C']);
    expect(s3.constituents.map((c) => c.symbol)).toEqual(['A', 'B', 'D']);
    close(con(s3, 'A').indexShares, 1000 / 3 / 10);
    close(con(s3, 'D').indexShares, 950 / 3 / 50);
    close(con(s3, 'D').weight, 950 / 3050); // 0.311475
    close(s3.divisor, 1);
    close(s3.level, 3050 / 3 + (950 / 3 / 50) * 5);
  });

  const withAction = (a: CorporateAction, day3: { A: number; B: number; C: number }) =>
    buildIndex(methodology(EQUAL), {
      bars: barsFrom(D, { A: [10, 11, day3.A], B: [20, 20, day3.B], C: [40, 38, day3.C] }),
      actions: [a],
    });

  it('a 2:1 split doubles shares and halves the price; the divisor does not change', () => {
    // B: q 16.667 -> 33.333, previous price 20 -> 10; B closes 10.5 (+5%): level = 1016.667 + 33.333 x 0.5 = 1033.333
    const run = withAction({ kind: 'split', symbol: sym('B'), exDate: D[2]!, ratio: 2 }, { A: 11, B: 10.5, C: 38 });
    const s3 = at(run, D[2]!);
    expect(s3.divisor).toBe(at(run, D[1]!).divisor); // exactly unchanged (1 up to the base's rounding)
    close(s3.divisor, 1);
    close(con(s3, 'B').indexShares, 2000 / 3 / 20);
    expect(con(s3, 'B').previousPrice).toBe(10);
    close(con(s3, 'B').change, 0.05);
    close(s3.level, 3100 / 3);
    expect(s3.events).toEqual(['split B 2:1']);
  });

  it('a special dividend lowers the divisor so the level does not fall with the price', () => {
    // C pays 4 special: previous price 38 -> 34; market value 1016.667 -> 1016.667 - 8.3333 x 4 = 983.333
    // divisor 1 x 983.333 / 1016.667 = 0.967213; C closes 34, others flat -> level unchanged at 1016.667
    const run = withAction({ kind: 'special_dividend', symbol: sym('C'), exDate: D[2]!, amount: 4 }, { A: 11, B: 20, C: 34 });
    const s3 = at(run, D[2]!);
    close(s3.divisor, 2950 / 3050);
    close(s3.level, 3050 / 3);
    close(con(s3, 'C').previousPrice, 34);
    close(con(s3, 'C').contributionPoints, 0);
  });

  it('a rights issue (1 new for 4 at 6) adjusts price, shares and divisor', () => {
    // A: theoretical ex-rights price (4 x 11 + 1 x 6) / 5 = 10; q 33.333 x 5/4 = 41.667
    // market value 1016.667 -> 41.667 x 10 + 333.333 + 316.667 = 1066.667; divisor 1066.667 / 1016.667 = 1.04918
    // A closes 10 -> level unchanged; A closes 11 would add 41.667 x 1 / 1.04918 = 39.714 points
    const run = withAction(
      { kind: 'rights_issue', symbol: sym('A'), exDate: D[2]!, newShares: 1, oldShares: 4, subscriptionPrice: 6 },
      { A: 11, B: 20, C: 38 },
    );
    const s3 = at(run, D[2]!);
    close(con(s3, 'A').previousPrice, 10);
    close(con(s3, 'A').indexShares, (1000 / 3 / 10) * 1.25);
    close(s3.divisor, 3200 / 3050);
    close(con(s3, 'A').contributionPoints, ((1250 / 30) * 1) / (3200 / 3050));
    close(s3.level, 3050 / 3 + ((1250 / 30) * 1) / (3200 / 3050));
  });

  it('a share change between reviews (B issues 50% more shares) moves the divisor, not the level', () => {
    // q B 16.667 x 1.5 = 25; market value 1016.667 -> 1016.667 + 8.3333 x 20 = 1183.333
    // divisor 1183.333 / 1016.667 = 1.163934; B 20 -> 22: level = 1016.667 + 25 x 2 / 1.163934 = 1059.624
    const run = buildIndex(methodology(EQUAL), {
      bars: barsFrom(D, { A: [10, 11, 11], B: [20, 20, 22], C: [40, 38, 38] }),
      shareChanges: [{ kind: 'share_change', symbol: sym('B'), exDate: D[2]!, factor: 1.5 }],
    });
    const s3 = at(run, D[2]!);
    expect(s3.events).toEqual(['share change B x1.5']);
    close(con(s3, 'B').indexShares, 25);
    close(s3.divisor, 3550 / 3050);
    close(s3.level, 3050 / 3 + (25 * 2) / (3550 / 3050));
  });

  it('rejects a special dividend as large as the price', () => {
    expect(() => withAction({ kind: 'special_dividend', symbol: sym('C'), exDate: D[2]!, amount: 38 }, { A: 11, B: 20, C: 1 })).toThrow(
      'corporate actions C 2025-01-06: field "amount": value "38" special dividend must be below the previous close 38',
    );
  });

  it('a cash dividend: the price index falls, gross total return reinvests it on the ex-date', () => {
    // C pays 2 and drops 38 -> 36: PR = 366.667 + 333.333 + 8.3333 x 36 = 1000 (-16.667 points)
    // TR = TR_prev x (M_t + dividend cash) / M_prev = 1016.667 x (1000 + 8.3333 x 2) / 1016.667 = 1016.667 (flat)
    const run = withAction({ kind: 'cash_dividend', symbol: sym('C'), exDate: D[2]!, amount: 2 }, { A: 11, B: 20, C: 36 });
    const s3 = at(run, D[2]!);
    close(s3.level, 1000);
    close(s3.levelTr, 3050 / 3);
    close(s3.divisor, 1);
    close(s3.divisorTr, 1000 / (3050 / 3)); // M_t / TR_t
  });

  it('a missing price carries the last close and flags it stale', () => {
    const run = buildIndex(methodology(EQUAL), { bars: barsFrom(D, { A: [10, 11, 12], B: [20, 20, NaN], C: [40, 38, 38] }) });
    const s3 = at(run, D[2]!);
    expect(con(s3, 'B').stale).toBe(true);
    expect(con(s3, 'B').price).toBe(20);
    expect(con(s3, 'A').stale).toBe(false);
    close(s3.level, 3050 / 3 + 100 / 3); // only A moved: 33.333 x 1
    expect(run.issues).toContain('B: no bar on 1 session(s) between 2025-01-06 and 2025-01-06; last close carried (stale)');
  });

  it('a 3-stock index through a review with a cap: .6/.2/.2 market caps capped at .5', () => {
    // ffmcap weights from shares: A 6 x 10 = 60, B 1 x 20 = 20, C 0.5 x 40 = 20 -> .6/.2/.2 -> capped .5/.25/.25
    const securities = new Map(
      [['A', 6], ['B', 1], ['C', 0.5]].map(([s, n]) => [sym(s as string), { id: sym(s as string), kind: 'stock' as const, name: s as string, currency: 'HKD', exchange: 'XHKG', sharesOutstanding: n as number }]),
    );
    const m = methodology(`universe:\n  symbols: [A, B, C]\nweighting:\n  scheme: ffmcap\n  cap: 0.5\n`);
    const s1 = buildIndex(m, { bars: barsFrom(D, base), securities }).sessions[0]!;
    close(con(s1, 'A').weight, 0.5);
    close(con(s1, 'B').weight, 0.25);
    close(con(s1, 'C').weight, 0.25);
  });

  it('universe filters keep only securities whose attributes match', () => {
    const sec = (id: string, sector: string) => [sym(id), { id: sym(id), kind: 'stock' as const, name: id, currency: 'HKD', exchange: 'XHKG', attributes: { sector } }] as const;
    const securities = new Map([sec('A', 'Tech'), sec('B', 'Bank'), sec('C', 'Tech')]);
    const m = methodology(`universe:\n  filters: {sector: Tech}\nweighting:\n  scheme: equal\n`);
    const run = buildIndex(m, { bars: barsFrom(D, base), securities });
    // A and C at 1/2 each: day 2 = 1000 x (0.5 x 11/10 + 0.5 x 38/40) = 1000 x (0.55 + 0.475) = 1025
    expect(run.sessions[1]!.constituents.map((c) => c.symbol)).toEqual(['A', 'C']);
    close(run.sessions[1]!.level, 1025);
  });
});

describe('session objects', () => {
  it('build constituents on first read, then keep them; spreading, JSON and freezing work', () => {
    const run = buildIndex(methodology(EQUAL), { bars: barsFrom(D, base) });
    const s = run.sessions[1]!;
    const first = s.constituents;
    expect(s.constituents).toBe(first); // cached
    expect({ ...s }.constituents).toEqual(first);
    expect(JSON.parse(JSON.stringify(s)).constituents[0].symbol).toBe('A');
    const frozen = Object.freeze({ ...run.sessions[0]! });
    expect(frozen.constituents).toHaveLength(3);
    const lazyFrozen = Object.freeze(buildIndex(methodology(EQUAL), { bars: barsFrom(D, base) }).sessions[1]!);
    expect(lazyFrozen.constituents.map((c) => c.symbol)).toEqual(['A', 'B', 'C']);
  });
});

describe('streaming input checks', () => {
  it('rejects a session that is not after the previous one', async () => {
    const { IndexCalculator } = await import('../../src/engine/IndexCalculator.js');
    const calc = new IndexCalculator(methodology(EQUAL));
    const bars = new Map([[sym('A'), 10], [sym('B'), 20], [sym('C'), 40]]);
    calc.update({ date: D[0]!, bars });
    calc.update({ date: D[1]!, bars });
    expect(() => calc.update({ date: D[1]!, bars })).toThrow('T3: out of order at index=2, time=2025-01-03, prev time=2025-01-03');
  });
});
