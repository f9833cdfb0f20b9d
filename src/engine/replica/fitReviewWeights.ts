import { ConfigError } from '../../core/errors.js';
import type { SecurityId, SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { IndexInput } from '../../domain/indexRun.js';
import type { Methodology } from '../../domain/methodology.js';
import { isReviewSession } from '../review/isReviewSession.js';
import { ReviewPlanner, type GivenWeights } from '../review/ReviewPlanner.js';
import { capWeights } from '../weights/capWeights.js';
import { nnls, NnlsError } from './nnls.js';

export interface FitResult {
  readonly given: GivenWeights;
  readonly notes: string[];
}

type Close = (s: SecurityId, d: SessionDate) => number | undefined;

/**
 * Weighting scheme `fit`: at each review R (and the base session) estimates the constituents' weights at the close
 * before R (the anchor A) so that the index replicates `fit.target` (e.g. HSTECH). Weights are fractions summing to 1.
 * Calibration data: sessions before R (known at the review). For research, `postReviewUntil` lets the sessions
 * after R and before min(next review, postReviewUntil) refine R's weights; nothing on or after it is used.
 *
 * - `returns`: NNLS of the target's daily returns on the members' drift-adjusted returns over the last
 *   `windowSessions` sessions: r_T,t ≈ Σ w_i · r_i,t · (P_i,t-1 / P_i,A) / (T_t-1 / T_A).
 * - `levels`: two steps. (1) The previous period [previous review, R) held fixed shares, so its level ratios are
 *   exact: T_t / T_A = Σ v_i · P_i,t / P_i,A; NNLS gives v, the weights the old holdings had at A. (2) The
 *   prior for R is v restricted to today's members (entrants share the leavers' weight), capped like a review.
 *   When sessions on or after R are known, the level ratios after R refine it: NNLS on those rows plus
 *   sqrt(λ)·(w - prior) rows (λ = 1, in units of squared level ratio).
 * - `blend`: `levels` with the step-(1) window taken from the returns rows too (both rows stacked).
 * @throws ConfigError when the target series is missing or too few sessions can be used.
 */
export function fitReviewWeights(m: Methodology, input: IndexInput, sessions: readonly SessionDate[]): FitResult {
  const fit = m.weighting.fit;
  if (!fit) throw new ConfigError({ source: m.code, field: 'weighting.fit', reason: 'missing' });
  const target = input.bars.get(fit.target);
  if (!target || target.length === 0) {
    throw new ConfigError({ source: m.code, field: 'weighting.fit.target', value: fit.target, reason: 'no bars for the target series' });
  }
  const planner = new ReviewPlanner(m, input.members, input.securities, []);
  const reviews: number[] = [];
  for (let t = 0; t < sessions.length; t++) {
    const d = sessions[t] as SessionDate;
    if (d < m.baseDate) continue;
    if (reviews.length === 0 || isReviewSession(m.reviews, sessions[t - 1] ?? null, d)) reviews.push(t);
  }
  const closeOf = closeLookup(input.bars);
  const T = (d: SessionDate) => closeOf(fit.target, d);
  const given: { effective: SessionDate; weights: Record<string, number> }[] = [];
  const notes: string[] = [];
  let last: { members: readonly SecurityId[]; w: readonly number[]; anchor: SessionDate } | null = null;
  reviews.forEach((r, k) => {
    const R = sessions[r] as SessionDate;
    const next = reviews[k + 1] !== undefined ? (sessions[reviews[k + 1] as number] as SessionDate) : null;
    let cut: SessionDate = R;
    const until = fit.postReviewUntil;
    if (until !== undefined && until > R) cut = next !== null && next < until ? next : until;
    const a = k === 0 ? r : r - 1; // anchor: the close the review is priced at (the base is priced at its own close)
    const A = sessions[a] as SessionDate;
    const members = planner.eligibleOn(R).filter((s) => closeOf(s, A) !== undefined);
    if (members.length === 0 || T(A) === undefined) {
      throw new ConfigError({ source: m.code, field: 'weighting.fit', reason: `no members or target price at ${A}` });
    }
    let e = a;
    while (e > 0 && (sessions[e] as SessionDate) >= cut) e--;
    const before = sessions.slice(Math.max(1, e - fit.windowSessions + 1), e + 1);
    const after = sessions.slice(r).filter((d) => d < cut && (next === null || d < next));
    let w: number[];
    let how: string;
    if (fit.method === 'returns') {
      const rows = returnRows(members, [...before, ...after], A, sessions, closeOf, T);
      w = solve(rows, members.length, null, 0, m.code, R);
      how = `returns on ${rows.y.length} sessions`;
    } else {
      const prevMembers = planner.eligibleOn(A).filter((s) => closeOf(s, A) !== undefined);
      // The previous regime starts at the last rule review on or before the anchor.
      let ps = a;
      while (ps > 0 && !isReviewSession(m.reviews, sessions[ps - 1] as SessionDate, sessions[ps] as SessionDate)) ps--;
      const prevStart = sessions[ps] as SessionDate;
      const prevPeriod = before.filter((d) => d >= prevStart);
      const rows = levelRows(prevMembers, prevPeriod, A, closeOf, T);
      if (fit.method === 'blend') append(rows, returnRows(prevMembers, before, A, sessions, closeOf, T));
      let v: number[];
      if (rows.y.length > 0) v = solve(rows, prevMembers.length, null, 0, m.code, R);
      else if (last) {
        // No known session in the previous period: drift the previous fit to this anchor.
        const l = last;
        v = prevMembers.map((s) => {
          const i = l.members.indexOf(s);
          return i < 0 ? 0 : ((l.w[i] as number) * (closeOf(s, A) as number)) / (closeOf(s, l.anchor) as number);
        });
      } else throw new ConfigError({ source: m.code, field: 'weighting.fit', reason: `no calibration session before ${cut} for the review of ${R}` });
      const prior = priorFor(members, prevMembers, v, m.weighting.cap);
      const post = levelRows(members, after, A, closeOf, T);
      w = post.y.length > 0 ? solve(post, members.length, prior, fit.priorWeight, m.code, R) : prior;
      how = `levels on ${rows.y.length} sessions before, ${post.y.length} after the review`;
    }
    last = { members, w, anchor: A };
    const total = w.reduce((x, y) => x + y, 0);
    const weights: Record<string, number> = {};
    members.forEach((s, i) => {
      if ((w[i] as number) > 0) weights[s] = (w[i] as number) / total;
    });
    given.push({ effective: R, weights });
    notes.push(`fit ${R}: ${how} (data before ${cut}), ${Object.keys(weights).length}/${members.length} members weighted`);
  });
  return { given, notes };
}

interface Rows {
  x: number[];
  y: number[];
}

function append(a: Rows, b: Rows): void {
  if (b.y.length === 0) return;
  a.x.push(...b.x);
  a.y.push(...b.y);
}

/** Drift-adjusted daily return rows (see the doc above); sessions with a missing price are skipped. */
function returnRows(members: readonly SecurityId[], dates: readonly SessionDate[], A: SessionDate, sessions: readonly SessionDate[], closeOf: Close, T: (d: SessionDate) => number | undefined): Rows {
  const out: Rows = { x: [], y: [] };
  const tA = T(A) as number;
  for (const d of dates) {
    const prev = sessions[sessions.indexOf(d) - 1];
    if (prev === undefined) continue;
    const t0 = T(prev), t1 = T(d);
    if (t0 === undefined || t1 === undefined) continue;
    const row: number[] = [];
    for (const s of members) {
      const p0 = closeOf(s, prev), p1 = closeOf(s, d);
      if (p0 === undefined || p1 === undefined) break;
      row.push(((p1 / p0 - 1) * (p0 / (closeOf(s, A) as number))) / (t0 / tA));
    }
    if (row.length !== members.length) continue;
    out.x.push(...row);
    out.y.push(t1 / t0 - 1);
  }
  return out;
}

/** Level-ratio rows T_t / T_A = Σ w_i P_i,t / P_i,A (exact while shares are fixed). */
function levelRows(members: readonly SecurityId[], dates: readonly SessionDate[], A: SessionDate, closeOf: Close, T: (d: SessionDate) => number | undefined): Rows {
  const out: Rows = { x: [], y: [] };
  const tA = T(A) as number;
  for (const d of dates) {
    const t = T(d);
    if (t === undefined) continue;
    const row: number[] = [];
    for (const s of members) {
      const p = closeOf(s, d);
      if (p === undefined) break;
      row.push(p / (closeOf(s, A) as number));
    }
    if (row.length !== members.length) continue;
    out.x.push(...row);
    out.y.push(t / tA);
  }
  return out;
}

/** NNLS with a heavy sum-to-one row and, when `prior` is given, ridge rows sqrt(λ)(w - prior). */
function solve(rows: Rows, n: number, prior: readonly number[] | null, lambda: number, source: string, review: SessionDate): number[] {
  const x = [...rows.x];
  const y = [...rows.y];
  const heavy = 10;
  x.push(...new Array<number>(n).fill(heavy));
  y.push(heavy);
  if (prior) {
    const s = Math.sqrt(lambda);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) x.push(i === j ? s : 0);
      y.push(s * (prior[i] as number));
    }
  }
  if (y.length < 2) throw new ConfigError({ source: 'fit', reason: 'no calibration session' });
  try {
    return nnls(x, y, y.length, n);
  } catch (e) {
    if (!(e instanceof NnlsError)) throw e;
    throw new ConfigError({ source, field: 'weighting.fit', reason: `the fit for the review of ${review} failed: ${e.message}` });
  }
}

/** Previous weights mapped to today's members: leavers' weight shared by entrants, then capped. */
function priorFor(members: readonly SecurityId[], prevMembers: readonly SecurityId[], v: readonly number[], cap: number | undefined): number[] {
  const prev = new Map(prevMembers.map((s, i) => [s, v[i] as number]));
  const entrants = members.filter((s) => !prev.has(s));
  const kept = new Set(members);
  let leaving = 0;
  for (const [s, w] of prev) if (!kept.has(s)) leaving += w;
  const raw = members.map((s) => prev.get(s) ?? (entrants.length > 0 ? leaving / entrants.length : 0));
  const pos = raw.map((x) => Math.max(x, 1e-6));
  return cap !== undefined && members.length * cap >= 1 ? capWeights(pos, cap) : pos.map((x) => x / pos.reduce((p, q) => p + q, 0));
}

/** Close of a symbol on a date, or undefined (binary search over the ascending bars). */
function closeLookup(bars: ReadonlyMap<SecurityId, readonly Bar[]>): Close {
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
