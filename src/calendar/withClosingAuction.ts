import type { SessionInterval } from './TradingCalendar.js';

/**
 * The trading intervals with the closing auction appended to the last one (continuous trading runs straight
 * into the auction, so `[13:00, 16:00)` + `[16:00, 16:10)` is `[13:00, 16:10)`); the lunch break is unchanged.
 * Pure; returns a new array. No auction (null) or no intervals gives a copy of `intervals`.
 * @throws RangeError when the auction does not start where the last interval ends.
 * @example withClosingAuction([{startMs: 0, endMs: 10}, {startMs: 20, endMs: 30}], {startMs: 30, endMs: 35}) // [{0,10},{20,35}]
 */
export function withClosingAuction(intervals: readonly SessionInterval[], auction: SessionInterval | null): SessionInterval[] {
  const out = intervals.map((iv) => ({ ...iv }));
  const last = out.at(-1);
  if (auction === null || last === undefined) return out;
  if (auction.startMs !== last.endMs || !(auction.endMs > auction.startMs)) {
    throw new RangeError(`closing auction ${auction.startMs}-${auction.endMs} does not follow the last interval ending at ${last.endMs}`);
  }
  out[out.length - 1] = { startMs: last.startMs, endMs: auction.endMs };
  return out;
}
