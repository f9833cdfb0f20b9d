import type { LiveEvent } from '../../realtime/LiveIndexSession.js';

/** How far (ms) a live event may be stamped after the clock's time before it is refused. */
export const DEFAULT_MAX_AHEAD_MS = 5000;

/**
 * Checks a live event's time against the clock: null when it may be applied, else the issue message (source,
 * symbol, how far ahead). Live publication follows event time, so an event from the future must not reach
 * the desk or the gateway.
 * @param nowMs the clock's time (UTC ms); `maxAheadMs` the tolerance for feed clock skew (ms).
 */
export function aheadOfClock(ev: LiveEvent, nowMs: number, maxAheadMs: number, source: string): string | null {
  const aheadMs = ev.timeMs - nowMs;
  if (!(aheadMs > maxAheadMs)) return null;
  return `${source}: ${ev.symbol} field "timeMs": value "${ev.timeMs}" is ${aheadMs} ms ahead of the clock (limit ${maxAheadMs} ms; event skipped)`;
}
