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
  readonly expectedReturn: number;
  readonly abnormalReturn: number;
  /** AR / prediction-error standard deviation, sigma^2 [1 + 1/L1 + (Rm - mean)^2 / Sxx]. */
  readonly tStat: number;
}

export interface WindowResult {
  readonly from: number;
  readonly to: number;
  /** False when the data ends before the window does; then the figures are null. */
  readonly complete: boolean;
  /** Cumulative abnormal return, a fraction. */
  readonly car: number | null;
  readonly carStdDev: number | null;
  /** CAR / its standard deviation, ~ t(L1 - 2). */
  readonly tStat: number | null;
  /** Two-sided p-value of tStat under t(L1 - 2). */
  readonly pValue: number | null;
  /** Corrado rank Z (non-parametric), ~ N(0,1). */
  readonly rankZ: number | null;
}

export interface EventStudyResult {
  readonly eventDate: SessionDate;
  /** Session 0: the event date when it is a common session, otherwise the next common session. */
  readonly eventSession: SessionDate;
  readonly estimation: MarketModelFit & { readonly from: SessionDate; readonly to: SessionDate; readonly degreesOfFreedom: number };
  readonly days: readonly EventDay[];
  readonly windows: readonly WindowResult[];
  /** Sessions inside the common date range present in only one series (dropped, see alignReturns). */
  readonly droppedStockOnly: number;
  readonly droppedMarketOnly: number;
}

export const DEFAULT_WINDOWS: readonly EventWindow[] = [[0, 0], [-1, 1], [0, 5]];

/**
 * Market-model event study of one security around one date (MacKinlay 1997; methodology.md section 4).
 * Returns are simple close-to-close returns on the common sessions of both series (alignReturns).
 * Estimation window: the L1 returns at tau = -(gap + L1) .. -(gap + 1). Variance of a CAR over L2 days uses the
 * exact prediction-error form sigma^2 [L2 + L2^2 / L1 + (sum (Rm_tau - mean))^2 / Sxx], which is the single-day
 * formula when L2 = 1.
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
  const fit = fitMarketModel(r.stock.slice(est0, est1), r.market.slice(est0, est1));
  const s2 = fit.residualVariance;
  const ar = (i: number) => r.stock[i]! - (fit.alpha + fit.beta * r.market[i]!);
  const minTau = Math.min(...windows.map((w) => w[0]));
  const maxTau = Math.max(...windows.map((w) => w[1]));
  const days: EventDay[] = [];
  for (let tau = minTau; tau <= maxTau; tau++) {
    const i = e + tau;
    if (i >= r.dates.length) break;
    const abnormal = ar(i);
    const dm = r.market[i]! - fit.marketMean;
    const v = s2 * (1 + 1 / L1 + (dm * dm) / fit.marketSxx);
    days.push({
      tau, date: r.dates[i]!, stockReturn: r.stock[i]!, marketReturn: r.market[i]!,
      expectedReturn: fit.alpha + fit.beta * r.market[i]!, abnormalReturn: abnormal, tStat: abnormal / Math.sqrt(v),
    });
  }
  // Rank sample: the estimation window's abnormal returns followed by every event day available.
  const ranked = [...Array.from({ length: L1 }, (_, k) => ar(est0 + k)), ...days.map((d) => d.abnormalReturn)];
  const df = L1 - 2;
  const results: WindowResult[] = windows.map(([from, to]) => {
    const inWin = days.filter((d) => d.tau >= from && d.tau <= to);
    if (inWin.length !== to - from + 1) {
      return { from, to, complete: false, car: null, carStdDev: null, tStat: null, pValue: null, rankZ: null };
    }
    const L2 = inWin.length;
    let car = 0, sumDm = 0;
    for (const d of inWin) { car += d.abnormalReturn; sumDm += d.marketReturn - fit.marketMean; }
    const sd = Math.sqrt(s2 * (L2 + (L2 * L2) / L1 + (sumDm * sumDm) / fit.marketSxx));
    const t = car / sd;
    const idx = inWin.map((d) => L1 + days.indexOf(d));
    return { from, to, complete: true, car, carStdDev: sd, tStat: t, pValue: studentTTwoSidedP(t, df), rankZ: corradoRankZ(ranked, idx) };
  });
  return {
    eventDate, eventSession: r.dates[e]!,
    estimation: { ...fit, from: r.dates[est0]!, to: r.dates[est1 - 1]!, degreesOfFreedom: df },
    days, windows: results, droppedStockOnly: r.droppedStockOnly, droppedMarketOnly: r.droppedMarketOnly,
  };
}
