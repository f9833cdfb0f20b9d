/**
 * Naive baseline for bench/engine.bench.ts: the same cap-weighted index with quarterly capped reviews, computed the
 * obvious way: per session it looks every price up by date in a Map, recomputes every constituent's weight and
 * every sum (market value, weights, contributions) from scratch, with objects instead of typed arrays.
 */
import type { SecurityId, SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import { isReviewSession } from '../../src/engine/review/isReviewSession.js';
import { capWeights } from '../../src/engine/weights/capWeights.js';

export interface NaiveResult {
  readonly levels: number[];
}

export function naiveIndex(
  sessions: readonly SessionDate[],
  bars: ReadonlyMap<SecurityId, readonly Bar[]>,
  sharesOutstanding: ReadonlyMap<SecurityId, number>,
  cap: number,
  baseValue: number,
): NaiveResult {
  const priceByDate = new Map<SecurityId, Map<string, number>>();
  for (const [s, xs] of bars) priceByDate.set(s, new Map(xs.map((b) => [b.date, b.close])));
  const last = new Map<SecurityId, number>();
  let q = new Map<SecurityId, number>();
  let divisor = 1;
  const levels: number[] = [];
  const rule = { rule: 'hsil-quarterly' as const, months: [3, 6, 9, 12], dates: [] };
  for (let t = 0; t < sessions.length; t++) {
    const date = sessions[t] as SessionDate;
    const prev = new Map(last);
    const review = t === 0 || isReviewSession(rule, sessions[t - 1] as SessionDate, date);
    if (t === 0) for (const [s, m] of priceByDate) if (m.has(date)) prev.set(s, m.get(date) as number);
    if (review) {
      const syms = [...prev.keys()];
      const mcaps = syms.map((s) => (prev.get(s) as number) * (sharesOutstanding.get(s) ?? 0));
      const w = capWeights(mcaps, cap);
      let before = 0;
      for (const [s, n] of q) before += n * (prev.get(s) as number);
      const scale = t === 0 ? baseValue : before;
      q = new Map(syms.map((s, i) => [s, ((w[i] as number) * scale) / (prev.get(s) as number)]));
      let after = 0;
      for (const [s, n] of q) after += n * (prev.get(s) as number);
      divisor = t === 0 ? after / baseValue : (divisor * after) / before;
    }
    // Recompute every sum and weight from scratch.
    let mPrev = 0, mNow = 0;
    const weights = new Map<SecurityId, number>();
    const contributions = new Map<SecurityId, number>();
    for (const [s, n] of q) {
      const p = priceByDate.get(s)?.get(date) ?? (prev.get(s) as number);
      mPrev += n * (prev.get(s) as number);
      mNow += n * p;
      contributions.set(s, (n * (p - (prev.get(s) as number))) / divisor);
    }
    for (const [s, n] of q) weights.set(s, (n * (prev.get(s) as number)) / mPrev);
    levels.push(mNow / divisor);
    for (const [s, m] of priceByDate) {
      const p = m.get(date);
      if (p !== undefined) last.set(s, p);
    }
  }
  return { levels };
}
