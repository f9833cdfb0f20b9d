import { DateTime } from 'luxon';
import { InvariantError } from '../core/errors.js';
import { addDays, asSessionDate, isoWeekday, type SessionDate } from '../core/units.js';
import type { DayInfo, SessionInterval, TradingCalendar } from './TradingCalendar.js';

/** Local wall-clock hours `HH:MM`, start inclusive, end exclusive. */
export type LocalHours = readonly [start: string, end: string];

/** The exchange-specific part of a calendar: which weekdays are closed or short, and the hours. */
export interface CalendarRules {
  readonly exchange: string;
  readonly zone: string;
  /** Regular session hours (local time). */
  readonly regularHours: readonly LocalHours[];
  /** Hours on a half day (local time). */
  readonly halfDayHours: readonly LocalHours[];
  /** Holiday name when the weekday `date` is closed, else null. */
  closure(date: SessionDate): string | null;
  /** Name of the occasion when the open weekday `date` is a half day, else null. */
  halfDay(date: SessionDate): string | null;
}

/** Longest run of closed days any supported exchange has (HK Lunar New Year + weekend is 5). */
const MAX_GAP_DAYS = 31;

/**
 * A {@link TradingCalendar} built from {@link CalendarRules}: weekends closed, then the rules' holidays
 * and half days. Pure; all date arithmetic is UTC on `YYYY-MM-DD`, hours converted with luxon.
 * @example createHkexCalendar().nextSession(asSessionDate('2025-01-28')) // '2025-02-03'
 */
export class ExchangeCalendar implements TradingCalendar {
  readonly exchange: string;
  readonly zone: string;
  /** Answers per date (frozen objects; a few KB per year of dates). */
  private readonly memo = new Map<string, DayInfo>();
  constructor(private readonly rules: CalendarRules) {
    this.exchange = rules.exchange;
    this.zone = rules.zone;
  }

  /** @throws TypeError when `date` is not `YYYY-MM-DD`. */
  dayInfo(date: SessionDate): DayInfo {
    const hit = this.memo.get(date);
    if (hit) return hit;
    asSessionDate(date);
    const info = this.compute(date);
    this.memo.set(date, info);
    return info;
  }

  private compute(date: SessionDate): DayInfo {
    if (isoWeekday(date) >= 6) return { date, isSession: false, isHalfDay: false, reason: 'weekend' };
    const closed = this.rules.closure(date);
    if (closed !== null) return { date, isSession: false, isHalfDay: false, reason: closed };
    const half = this.rules.halfDay(date);
    return { date, isSession: true, isHalfDay: half !== null, reason: half };
  }

  isSession(date: SessionDate): boolean {
    return this.dayInfo(date).isSession;
  }

  sessionsBetween(from: SessionDate, to: SessionDate): SessionDate[] {
    const out: SessionDate[] = [];
    for (let d = asSessionDate(from); d <= to; d = addDays(d, 1)) if (this.isSession(d)) out.push(d);
    return out;
  }

  /** @throws InvariantError when no session is found within 31 days (broken rules). */
  nextSession(date: SessionDate): SessionDate {
    return this.step(date, 1);
  }

  /** @throws InvariantError when no session is found within 31 days (broken rules). */
  previousSession(date: SessionDate): SessionDate {
    return this.step(date, -1);
  }

  sessionHours(date: SessionDate): SessionInterval[] {
    const info = this.dayInfo(date);
    if (!info.isSession) return [];
    const hours = info.isHalfDay ? this.rules.halfDayHours : this.rules.regularHours;
    return hours.map(([s, e]) => ({ startMs: this.localMs(date, s), endMs: this.localMs(date, e) }));
  }

  private step(date: SessionDate, dir: 1 | -1): SessionDate {
    let d = asSessionDate(date);
    for (let i = 0; i < MAX_GAP_DAYS; i++) {
      d = addDays(d, dir);
      if (this.isSession(d)) return d;
    }
    throw new InvariantError(`${this.exchange}: no session within ${MAX_GAP_DAYS} days ${dir > 0 ? 'after' : 'before'} ${date}`);
  }

  private localMs(date: SessionDate, hhmm: string): number {
    const dt = DateTime.fromISO(`${date}T${hhmm}`, { zone: this.zone });
    if (!dt.isValid) throw new InvariantError(`${this.exchange}: bad local time ${date}T${hhmm} in ${this.zone}`);
    return dt.toMillis();
  }
}
