import type { LiveEvent } from './LiveIndexSession.js';

/**
 * The order a replay applies events in: time, then symbol, then `seq` (as `generateSessionTicks` makes them). A
 * comparator for `Array.prototype.sort` (stable: events equal on all three keep their order).
 * @example [b, a].sort(byEventOrder) // a first when a.timeMs < b.timeMs, or the same time and a.symbol < b.symbol
 */
export function byEventOrder(x: LiveEvent, y: LiveEvent): number {
  if (x.timeMs !== y.timeMs) return x.timeMs - y.timeMs;
  if (x.symbol !== y.symbol) return x.symbol < y.symbol ? -1 : 1;
  return ('seq' in x ? (x.seq ?? 0) : 0) - ('seq' in y ? (y.seq ?? 0) : 0);
}
