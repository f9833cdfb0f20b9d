import type { SessionInterval } from '../calendar/TradingCalendar.js';

/** Where a time falls in a session: before the open, trading, between intervals (lunch), after the close. */
export type SessionPhase = 'before_open' | 'open' | 'lunch' | 'closed';

/**
 * The phase of `timeMs` (UTC ms) given the session's trading intervals (start inclusive, end exclusive,
 * ascending; two on a full HKEX day, one on a half day). No intervals means a closed day.
 * @example sessionPhase([{startMs: 0, endMs: 10}, {startMs: 20, endMs: 30}], 15) // 'lunch'
 */
export function sessionPhase(intervals: readonly SessionInterval[], timeMs: number): SessionPhase {
  if (intervals.length === 0) return 'closed';
  const first = intervals[0] as SessionInterval;
  if (timeMs < first.startMs) return 'before_open';
  for (const iv of intervals) {
    if (timeMs < iv.startMs) return 'lunch';
    if (timeMs < iv.endMs) return 'open';
  }
  return 'closed';
}
