import { ConfigError } from '../../core/errors.js';
import type { SecurityId, SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { IndexInput } from '../../domain/indexRun.js';
import type { Methodology } from '../../domain/methodology.js';
import { isReviewSession } from '../review/isReviewSession.js';
import { ReviewPlanner, type GivenWeights } from '../review/ReviewPlanner.js';
import { nnls } from './nnls.js';

export interface FitResult {
  readonly given: GivenWeights;
  readonly notes: string[];
}

/**
 * Weighting scheme `fit`: at each review R (and the base session), estimates the constituents' weights at the
 * close before R so that the index replicates `fit.target` (for example HSTECH), by non-negative least squares of
 * the target's daily returns on the members' drift-adjusted daily returns:
 *   r_T,t ≈ Σ_i w_i · r_i,t · (P_i,t-1 / P_i,R-1) / (T_t-1 / T_R-1),
 * which is exact after R when the index holds fixed shares from R. Calibration uses the last `windowSessions`
 * sessions before the cut: the cut is R, or, when `dataBefore` is later than R, min(next review, dataBefore)
 * (data known at fit time; never a session on or after `dataBefore`). Weights are fractions summing to 1.
 * @throws ConfigError when the target series is missing or no session is available for calibration.
 */
export function fitReviewWeights(m: Methodology, input: IndexInput, sessions: readonly SessionDate[]): FitResult {
  const fit = m.weighting.fit;
  if (!fit) throw new ConfigError({ source: m.code, field: 'weighting.fit', reason: 'missing' });
  const target = input.bars.get(fit.target);
  if (!target || target.length === 0) throw new ConfigError({ source: m.code, field: 'weighting.fit.target', value: fit.target, reason: 'no bars for the target series' });
  const planner = new ReviewPlanner(m, input.members, input.securities, []);
  const reviews: SessionDate[] = [];
  for (let t = 0; t < sessions.length; t++) {
    const d = sessions[t] as SessionDate;
    if (d < m.baseDate) continue;
    if (reviews.length === 0 || isReviewSession(m.reviews, sessions[t - 1] ?? null, d)) reviews.push(d);
  }
  const closeOf = closeLookup(input.bars);
  const targetClose = closeLookup(new Map([[fit.target, target]]));
  const given: { effective: SessionDate; weights: Record<string, number> }[] = [];
  const notes: string[] = [];
  reviews.forEach((R, k) => {
    const rIdx = sessions.indexOf(R);
    const next = reviews[k + 1] ?? null;
    let cut: SessionDate = R;
    if (fit.dataBefore !== undefined && fit.dataBefore > R) cut = next !== null && next < fit.dataBefore ? next : fit.dataBefore;
    if (fit.dataBefore !== undefined && fit.dataBefore < cut) cut = fit.dataBefore;
    const anchor = sessions[rIdx - 1] ?? R; // the close the weights are measured at (before the review)
    const calib = sessions.filter((d) => d < cut && d > sessions[0]!).slice(-fit.windowSessions);
    const members = planner.eligibleOn(R).filter((s) => closeOf(s, anchor) !== undefined);
    const tAnchor = targetClose(fit.target, anchor);
    if (members.length === 0 || tAnchor === undefined) throw new ConfigError({ source: m.code, field: 'weighting.fit', reason: `no members or target price at ${anchor}` });
    const rows: number[][] = [];
    const ys: number[] = [];
    for (const d of calib) {
      const prev = sessions[sessions.indexOf(d) - 1] as SessionDate;
      const t0 = targetClose(fit.target, prev), t1 = targetClose(fit.target, d);
      if (t0 === undefined || t1 === undefined) continue;
      const row: number[] = [];
      let ok = true;
      for (const s of members) {
        const p0 = closeOf(s, prev), p1 = closeOf(s, d), pa = closeOf(s, anchor) as number;
        if (p0 === undefined || p1 === undefined) {
          ok = false;
          break;
        }
        row.push((p1 / p0 - 1) * (p0 / pa) / (t0 / tAnchor));
      }
      if (!ok) continue;
      rows.push(row);
      ys.push(t1 / t0 - 1);
    }
    if (rows.length < 5) throw new ConfigError({ source: m.code, field: 'weighting.fit.windowSessions', reason: `only ${rows.length} calibration sessions before ${cut} for the review of ${R}` });
    // Sum-to-one as a heavy extra row.
    const n = members.length, heavy = 10;
    const A: number[] = [];
    for (const r of rows) A.push(...r);
    A.push(...new Array<number>(n).fill(heavy));
    const b = [...ys, heavy];
    const w = nnls(A, b, rows.length + 1, n);
    const total = w.reduce((a, x) => a + x, 0);
    const weights: Record<string, number> = {};
    members.forEach((s, i) => {
      if ((w[i] as number) > 0) weights[s] = (w[i] as number) / total;
    });
    given.push({ effective: R, weights });
    notes.push(`fit ${R}: ${rows.length} sessions ${calib[0]}..${calib.at(-1)}, ${Object.keys(weights).length}/${n} members weighted`);
  });
  return { given, notes };
}

/** Close of a symbol on a date, or undefined (binary search over the ascending bars). */
function closeLookup(bars: ReadonlyMap<SecurityId, readonly Bar[]>): (s: SecurityId, d: SessionDate) => number | undefined {
  return (s, d) => {
    const xs = bars.get(s);
    if (!xs) return undefined;
    let lo = 0, hi = xs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = xs[mid] as Bar;
      if (x.date === d) return x.close;
      if (x.date < d) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
}
