import type { SessionDate } from '../core/units.js';

/** One trading session interval in UTC milliseconds: `startMs` inclusive, `endMs` exclusive. */
export interface SessionInterval {
  readonly startMs: number;
  readonly endMs: number;
}

/** What a calendar knows about one date. */
export interface DayInfo {
  readonly date: SessionDate;
  readonly isSession: boolean;
  /** True on a shortened session (HKEX morning only, NYSE 13:00 close). */
  readonly isHalfDay: boolean;
  /** Why the market is closed or shortened (`weekend`, a holiday name, `Christmas Eve`), or null on a normal session. */
  readonly reason: string | null;
}

/**
 * An exchange trading calendar. Dates are exchange-local `YYYY-MM-DD` strings handled in UTC arithmetic, so
 * no answer ever depends on the machine's time zone. Hours are returned as UTC ms intervals.
 */
export interface TradingCalendar {
  /** MIC-like exchange code: `XHKG`, `XNYS`. */
  readonly exchange: string;
  /** IANA time zone of the exchange, e.g. `Asia/Hong_Kong`. */
  readonly zone: string;
  /** True when the exchange trades on `date` (full or half day). */
  isSession(date: SessionDate): boolean;
  /** Session, half-day flag and the reason for a closure or a short day. */
  dayInfo(date: SessionDate): DayInfo;
  /** Every session in `[from, to]` (both inclusive), ascending; empty when `to < from`. */
  sessionsBetween(from: SessionDate, to: SessionDate): SessionDate[];
  /** The first session strictly after `date`. */
  nextSession(date: SessionDate): SessionDate;
  /** The last session strictly before `date`. */
  previousSession(date: SessionDate): SessionDate;
  /** The trading intervals of `date` in UTC ms (two on a full HKEX day, one on NYSE); empty when closed. */
  sessionHours(date: SessionDate): SessionInterval[];
}
