import { InputError } from '../../core/errors.js';
import type { SessionDate } from '../../core/units.js';

/** A dated price point (close, or adjusted close when the caller prefers it). */
export interface PricePoint {
  readonly date: SessionDate;
  readonly price: number;
}

/** Simple returns of a security and its benchmark on the same sessions. */
export interface AlignedReturns {
  /** Session of each return (the later of the two closes). */
  readonly dates: readonly SessionDate[];
  /** Security returns as fractions (0.029 = +2.9%). */
  readonly stock: readonly number[];
  /** Benchmark returns as fractions. */
  readonly market: readonly number[];
  /**
   * Benchmark sessions each return spans: 1 normally; k + 1 when the security did not trade for k benchmark sessions
   * (a suspension), so its return covers them all.
   */
  readonly spans: readonly number[];
  /**
   * Sessions between the first and last common date present in only one series, and therefore dropped
   * (history before one series starts or after it ends is not counted).
   */
  readonly droppedStockOnly: number;
  readonly droppedMarketOnly: number;
}

/**
 * Aligns two price series on the intersection of their dates and computes simple returns between consecutive
 * common dates. Gap policy: a session missing from either series is dropped from both, so the next return spans
 * the gap (a two-session return, as a non-trading stock would show when it resumes); nothing is filled in.
 * @example alignReturns([{date:'2025-01-02',price:10},{date:'2025-01-03',price:11}], [...same dates, 100 -> 101])
 *   // stock [0.1], market [0.01]
 * @throws InputError when a series is not in ascending date order or has a price that is not a positive number.
 */
export function alignReturns(stock: readonly PricePoint[], market: readonly PricePoint[], names = { stock: 'stock', market: 'market' }): AlignedReturns {
  check(stock, names.stock);
  check(market, names.market);
  const m = new Map(market.map((p) => [p.date, p.price]));
  const common: { date: SessionDate; s: number; m: number }[] = [];
  for (const p of stock) {
    const mp = m.get(p.date);
    if (mp !== undefined) common.push({ date: p.date, s: p.price, m: mp });
  }
  const dates: SessionDate[] = [], rs: number[] = [], rm: number[] = [], spans: number[] = [];
  const marketDates = market.map((p) => p.date);
  let k = 0; // index into marketDates of the first date after the previous common date
  for (let i = 1; i < common.length; i++) {
    const a = common[i - 1]!, b = common[i]!;
    dates.push(b.date);
    rs.push(b.s / a.s - 1);
    rm.push(b.m / a.m - 1);
    while (k < marketDates.length && marketDates[k]! <= a.date) k++;
    let n = 0;
    while (k < marketDates.length && marketDates[k]! <= b.date) { n++; k++; }
    spans.push(n);
  }
  const first = common[0]?.date, last = common[common.length - 1]?.date;
  const inRange = (xs: readonly PricePoint[]) => (first === undefined || last === undefined ? 0 : xs.filter((p) => p.date >= first && p.date <= last).length);
  return {
    dates, stock: rs, market: rm, spans,
    droppedStockOnly: inRange(stock) - common.length,
    droppedMarketOnly: inRange(market) - common.length,
  };
}

function check(xs: readonly PricePoint[], source: string): void {
  for (let i = 0; i < xs.length; i++) {
    const p = xs[i]!;
    if (!(Number.isFinite(p.price) && p.price > 0)) {
      throw new InputError({ source, field: 'price', value: String(p.price), reason: `not a positive number on ${p.date}` });
    }
    if (i > 0 && xs[i - 1]!.date >= p.date) {
      throw new InputError({ source, field: 'date', value: p.date, reason: `not after ${xs[i - 1]!.date} (index ${i})` });
    }
  }
}
