import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kahanSum, relDiff } from '../../src/core/numbers.js';
import { SeededRandom } from '../../src/core/random.js';
import { addDays, type SecurityId, type SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import type { CorporateAction } from '../../src/domain/corporateAction.js';
import type { IndexInput, ShareChange } from '../../src/domain/indexRun.js';
import type { MembershipInterval } from '../../src/domain/membership.js';
import { buildIndex } from '../../src/engine/buildIndex.js';
import { IndexCalculator, type SessionBars } from '../../src/engine/IndexCalculator.js';
import { methodology, sym } from './helpers.js';

/** A random market: n stocks over T sessions, random gaps (stale prices), reviews, membership changes and actions. */
function scenario(seed: number) {
  const r = new SeededRandom(seed);
  const n = r.int(4, 8), T = r.int(6, 40);
  const dates: SessionDate[] = [];
  let d = '2025-01-02' as SessionDate;
  for (let t = 0; t < T; t++) dates.push((d = addDays(d, r.int(1, 3))));
  const names = Array.from({ length: n }, (_, i) => `S${i}`);
  const bars = new Map<SecurityId, Bar[]>();
  for (const s of names) {
    let p = 5 + r.next() * 100;
    const xs: Bar[] = [];
    dates.forEach((date, t) => {
      p *= Math.exp(0.03 * r.normal());
      if (t > 0 && r.next() < 0.08) return; // no bar: stale
      xs.push({ date, open: p, high: p, low: p, close: p, adjClose: p, volume: null });
    });
    bars.set(sym(s), xs);
  }
  const pick = () => dates[r.int(1, T - 1)] as SessionDate;
  const members: MembershipInterval[] = names.map((s, i) => {
    const from = i >= n - 1 && r.next() < 0.5 ? pick() : null;
    const to = i === 0 && r.next() < 0.5 ? pick() : null;
    return { symbol: sym(s), name: s, from, to: to !== null && from !== null && to <= from ? null : to };
  });
  const actions: CorporateAction[] = [];
  for (let k = r.int(0, 6); k > 0; k--) {
    const symbol = sym(names[r.int(0, n - 1)] as string), exDate = pick();
    const kind = r.int(0, 3);
    if (kind === 0) actions.push({ kind: 'split', symbol, exDate, ratio: [2, 3, 0.5][r.int(0, 2)] as number });
    else if (kind === 1) actions.push({ kind: 'special_dividend', symbol, exDate, amount: 0.01 + 0.2 * r.next() });
    else if (kind === 2) actions.push({ kind: 'cash_dividend', symbol, exDate, amount: 0.5 + r.next() });
    else actions.push({ kind: 'rights_issue', symbol, exDate, newShares: 1, oldShares: r.int(2, 10), subscriptionPrice: 1 + r.next() * 3 });
  }
  const shareChanges: ShareChange[] = [];
  for (let k = r.int(0, 2); k > 0; k--) shareChanges.push({ kind: 'share_change', symbol: sym(names[r.int(0, n - 1)] as string), exDate: pick(), factor: 0.5 + r.next() });
  const reviewDates = [pick(), pick()].sort();
  const scheme = ['equal', 'given'][r.int(0, 1)];
  const given = names.map((s) => `${s}: ${(0.5 + r.next()).toFixed(3)}`).join(', ');
  const m = methodology(
    `universe:\n  membership: m.csv\nweighting:\n  scheme: ${scheme}\n  cap: 0.5\n` +
      (scheme === 'given' ? `  given:\n    - effective: 2025-01-01\n      weights: {${given}}\n` : '') +
      `reviews:\n  dates: [${reviewDates.join(', ')}]\n`,
    `code: P\nname: P\nbaseDate: ${dates[0]}\nbaseValue: 1000\ncurrency: HKD\n`,
  );
  const input: IndexInput = { bars, members, actions, shareChanges };
  const sessions: SessionBars[] = dates.map((date) => ({
    date,
    bars: new Map([...bars].flatMap(([s, xs]) => {
      const b = xs.find((x) => x.date === date);
      return b ? [[s, b] as const] : [];
    })),
  }));
  return { m, input, sessions, r };
}

const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe('engine properties (fast-check)', () => {
  it('the level does not move across any review, constituent change or corporate action (rel 1e-12)', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { m, input } = scenario(seed);
        const run = buildIndex(m, input);
        for (const s of run.sessions) {
          if (s.previousLevel === null) continue;
          // Level at the adjusted previous prices with the new shares and divisor = yesterday's level.
          const atOpen = kahanSum(s.constituents.map((c) => c.indexShares * c.previousPrice)) / s.divisor;
          expect(relDiff(atOpen, s.previousLevel)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('contributions sum to the point change', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { m, input } = scenario(seed);
        for (const s of buildIndex(m, input).sessions) {
          if (s.previousLevel === null) continue;
          expect(kahanSum(s.constituents.map((c) => c.contributionPoints))).toBe(s.level - s.previousLevel);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('streaming equals batch, and feeding sessions in chunks equals all at once', () => {
    fc.assert(
      fc.property(seeds, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }), (seed, chunkSizes) => {
        const { m, input, sessions } = scenario(seed);
        const batch = buildIndex(m, input);
        const ctx = { members: input.members!, actions: input.actions!, shareChanges: input.shareChanges! };
        const one = new IndexCalculator(m, ctx).updateMany(sessions);
        const chunked: unknown[] = [];
        const calc = new IndexCalculator(m, ctx);
        let i = 0, k = 0;
        while (i < sessions.length) {
          const size = chunkSizes[k++ % chunkSizes.length] as number;
          chunked.push(...calc.updateMany(sessions.slice(i, i + size)));
          i += size;
        }
        expect(one).toEqual(batch.sessions);
        expect(chunked).toEqual(one);
      }),
      { numRuns: 100 },
    );
  });

  it('the total return index never falls below the price index after a cash dividend', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { m, input } = scenario(seed);
        const run = buildIndex(m, { ...input, actions: (input.actions ?? []).filter((a) => a.kind === 'cash_dividend') });
        for (const s of run.sessions) expect(s.levelTr / s.level).toBeGreaterThanOrEqual(1 - 1e-12);
      }),
      { numRuns: 100 },
    );
  });
});
