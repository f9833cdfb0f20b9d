import type { SessionDate } from '../core/units.js';
import { createHkexCalendar } from './hkexCalendar.js';
import type { SessionInterval } from './TradingCalendar.js';

/** Length of the HKEX closing auction session (CAS): 10 minutes after the continuous session ends. */
export const HKEX_CLOSING_AUCTION_MS = 10 * 60_000;

/**
 * The HKEX closing auction session (CAS) of `date` in UTC ms, start inclusive, end exclusive: 16:00-16:10 HKT
 * on a full day, 12:00-12:10 HKT on a half day (it follows the last continuous interval). Its trades set the
 * official closing prices (the random close falls in 16:08-16:10, so every auction trade is stamped before 16:10).
 * Pure. Null when `date` is not a session.
 * @throws TypeError when `date` is not `YYYY-MM-DD`.
 * @example hkexClosingAuction(asSessionDate('2025-01-28')) // {startMs: 04:00Z, endMs: 04:10Z} (half day)
 */
export function hkexClosingAuction(date: SessionDate): SessionInterval | null {
  const last = createHkexCalendar().sessionHours(date).at(-1);
  return last === undefined ? null : { startMs: last.endMs, endMs: last.endMs + HKEX_CLOSING_AUCTION_MS };
}
