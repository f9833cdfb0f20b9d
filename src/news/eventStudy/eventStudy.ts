import { NotEnoughDataError } from '../../core/errors.js';
import type { SessionDate } from '../../core/units.js';
import { alignReturns, type PricePoint } from './alignReturns.js';
import { corradoRankZ } from './corradoRank.js';
import { fitMarketModel, type MarketModelFit } from './marketModel.js';
import { studentTTwoSidedP } from './studentT.js';

/** An event window in sessions relative to the event session 0, both ends inclusive: [-1, +1]. */
export type EventWindow = readonly [from: number, to: number];

export interface EventStudyOptions {
  /** Estimation window length L1 in returns (default 120). */
  readonly estimationSessions?: number;
  /** Sessions between the end of the estimation window and the event (default 10): estimation ends at -(gap+1). */
  readonly gapSessions?: number;
  /** CAR windows (default [0,0], [-1,+1], [0,+5]). */
  readonly windows?: readonly EventWindow[];
}

export interface EventDay {
  readonly tau: number;
  readonly date: SessionDate;
  /** Returns as fractions. */
  readonly stockReturn: number;
  readonly marketReturn: number;
  /** n alpha + beta Rm, where n is `sessionsSpanned`. */
  readonly expectedReturn: number;
  readonly abnormalReturn: number;
  /**
   * AR / prediction-error standard deviation, sigma^2 [n + n^2/L1 + (Rm - n mean)^2 / Sxx] (n = 1 on a normal day);
   * null when the fit is perfect (residual variance 0: t is undefined, see `note`).
   */
  readonly tStat: number | null;
  /** Benchmark sessions this return spans: 1, or k + 1 after a suspension of k sessions (alignReturns). */
  readonly sessionsSpanned: number;
  /** Set when the day is not an ordinary one-session return (a suspension, a perfect fit). */
  readonly note?: string;
}

export interface WindowResult {
  readonly from: number;
  readonly to: number;
  /** False when the data ends before the window does; then the figures are null. */
  readonly complete: boolean;
  /** Benchmark sessions the window's returns span (its length unless the stock was suspended inside it). */
  readonly sessionsSpanned: number | null;
  /** Why a figure of a complete window is null (a perfect fit), or that a return spans a suspension. */
  readonly note?: string;
  /** Cumulative abnormal return, a fraction. */
  readonly car: number | null;
  readonly carStdDev: number | null;
  /** CAR / its standard deviation, ~ t(L1 - 2); null when incomplete or the fit is perfect (`note`). */
  readonly tStat: number | null;
  /** Two-sided p-value of tStat under t(L1 - 2). */
  readonly pValue: number | null;
  /** Corrado rank Z (non-parametric), ~ N(0,1), over the estimation returns and this window's days only. */
  readonly rankZ: number | null;
}

export interface EventStudyResult {
  readonly eventDate: SessionDate;
  /** Session 0: the event date when it is a common session, otherwise the next common session. */
  readonly eventSession: SessionDate;
  readonly estimation: MarketModelFit & {
    readonly from: SessionDate;
    readonly to: SessionDate;
    readonly degreesOfFreedom: number;
    /** Estimation returns left out of the fit because they span a suspension (one day's model does not describe them). */
    readonly spanningReturnsLeftOut: number;
  };
  readonly days: readonly EventDay[];
  readonly windows: readonly WindowResult[];
  /** Sessions inside the common date range present in only one series (dropped, see alignReturns). */
  readonly droppedStockOnly: number;
  readonly droppedMarketOnly: number;
  /** What a reader must know: suspensions bridged, a perfect fit, returns left out of the estimation. */
  readonly notes: readonly string[];
}

export const DEFAULT_WINDOWS: readonly EventWindow[] = [[0, 0], [-1, 1], [0, 5]];

/**
 * Market-model event study of one security around one date (MacKinlay 1997; methodology.md section 4).
 * Returns are simple close-to-close returns on the common sessions of both series (alignReturns).
 * Estimation window: the L1 returns at tau = -(gap + L1) .. -(gap + 1), less any that span a suspension (left out,
 * counted in `spanningReturnsLeftOut`). Variance of a CAR over days spanning N benchmark sessions uses the exact
 * prediction-error form sigma^2 [N + N^2 / L + (sum (Rm_tau - n_tau mean))^2 / Sxx], which is the single-day formula
 * when N = 1; a return spanning n sessions (a suspension) has expected return n alpha + beta Rm and its variance
 * scaled likewise. A perfect fit (residual variance 0) gives null t and p with a note. The rank Z of a window ranks
 * the estimation returns and that window's days only.
 * @example eventStudy(kingdee, hsi, asSessionDate('2025-02-07')).windows[0].car
 * @throws NotEnoughDataError when there are fewer than L1 + gap returns before the event or no session on/after it;
 *   InputError for unordered dates or bad prices.
 */
export function eventStudy(stock: readonly PricePoint[], market: readonly PricePoint[], eventDate: SessionDate, options: EventStudyOptions = {}): EventStudyResult {
  const L1 = options.estimationSessions ?? 120;
  const gap = options.gapSessions ?? 10;
  const windows = options.windows ?? DEFAULT_WINDOWS;
  for (const [a, b] of windows) if (!(Number.isInteger(a) && Number.isInteger(b) && a <= b && a > -gap - 1)) {
    throw new RangeError(`bad window [${a}, ${b}]: need integers from <= to, from > -(gap + 1) = ${-gap - 1}`);
  }
  const r = alignReturns(stock, market);
  const e = r.dates.findIndex((d) => d >= eventDate);
  if (e < 0) throw new NotEnoughDataError(`event study: a common session on or after ${eventDate}`, 1, 0);
  if (e < L1 + gap) throw new NotEnoughDataError(`event study: returns before ${eventDate} (estimation ${L1} + gap ${gap})`, L1 + gap, e);
  const est0 = e - gap - L1, est1 = e - gap; // [est0, est1)
  const notes: string[] = [];
  // a return that spans a suspension is not one day of the model: left out of the fit, scaled in the event window
  const estIdx: number[] = [];
  for (let i = est0; i < est1; i++) if (r.spans[i] === 1) estIdx.push(i);
  const leftOut = L1 - estIdx.length;
  if (leftOut > 0) notes.push(`${leftOut} estimation return(s) span a suspension and were left out of the fit (${estIdx.length} used)`);
  const fit = fitMarketModel(estIdx.map((i) => r.stock[i]!), estIdx.map((i) => r.market[i]!));
  const L = fit.sessions;
  const s2 = fit.residualVariance;
  const perfect = s2 === 0;
  const perfectNote = 'perfect fit: the benchmark explains every estimation return (residual variance 0), so t and p are undefined';
  if (perfect) notes.push(perfectNote);
  const spanOf = (i: number) => r.spans[i] ?? 1;
  const expected = (i: number) => spanOf(i) * fit.alpha + fit.beta * r.market[i]!;
  const ar = (i: number) => r.stock[i]! - expected(i);
  const minTau = Math.min(...windows.map((w) => w[0]));
  const maxTau = Math.max(...windows.map((w) => w[1]));
  const days: EventDay[] = [];
  for (let tau = minTau; tau <= maxTau; tau++) {
    const i = e + tau;
    if (i >= r.dates.length) break;
    const n = spanOf(i);
    const abnormal = ar(i);
    const dm = r.market[i]! - n * fit.marketMean;
    const v = s2 * (n + (n * n) / L + (dm * dm) / fit.marketSxx);
    const spanNote = n > 1
      ? `spans ${n} sessions of the benchmark: the stock did not trade on the ${n - 1} before ${r.dates[i]!}; expected return and variance scaled by ${n}`
      : undefined;
    if (spanNote) notes.push(`tau ${tau}: ${spanNote}`);
    const note = [spanNote, perfect ? perfectNote : undefined].filter(Boolean).join('; ');
    days.push({
      tau, date: r.dates[i]!, stockReturn: r.stock[i]!, marketReturn: r.market[i]!,
      expectedReturn: expected(i), abnormalReturn: abnormal, tStat: perfect ? null : abnormal / Math.sqrt(v), sessionsSpanned: n,
      ...(note !== '' ? { note } : {}),
    });
  }
  // Rank sample of a window: the estimation returns and that window's own days, so no window depends on the others
  const estAr = estIdx.map(ar);
  const df = L - 2;
  const results: WindowResult[] = windows.map(([from, to]) => {
    const inWin = days.filter((d) => d.tau >= from && d.tau <= to);
    if (inWin.length !== to - from + 1) {
      return { from, to, complete: false, sessionsSpanned: null, car: null, carStdDev: null, tStat: null, pValue: null, rankZ: null };
    }
    let car = 0, sumDm = 0, n = 0;
    for (const d of inWin) { car += d.abnormalReturn; sumDm += d.marketReturn - d.sessionsSpanned * fit.marketMean; n += d.sessionsSpanned; }
    const sd = Math.sqrt(s2 * (n + (n * n) / L + (sumDm * sumDm) / fit.marketSxx));
    const t = perfect ? null : car / sd;
    const rankZ = corradoRankZ([...estAr, ...inWin.map((d) => d.abnormalReturn)], inWin.map((_, k) => estAr.length + k));
    const spanNote = n > inWin.length ? `spans ${n} benchmark sessions in ${inWin.length} returns (a suspension)` : undefined;
    const note = [spanNote, perfect ? perfectNote : undefined].filter(Boolean).join('; ');
    return {
      from, to, complete: true, sessionsSpanned: n, car, carStdDev: sd, tStat: t, pValue: t === null ? null : studentTTwoSidedP(t, df), rankZ,
      ...(note !== '' ? { note } : {}),
    };
  });
  return {
    eventDate, eventSession: r.dates[e]!,
    estimation: { ...fit, from: r.dates[est0]!, to: r.dates[est1 - 1]!, degreesOfFreedom: df, spanningReturnsLeftOut: leftOut },
    days, windows: results, droppedStockOnly: r.droppedStockOnly, droppedMarketOnly: r.droppedMarketOnly, notes,
  };
}
