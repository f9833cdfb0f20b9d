import type { SessionDate } from '../core/units.js';
import { ExchangeCalendar, type CalendarRules } from './ExchangeCalendar.js';
import { nyseHolidays } from './nyseHolidays.js';

const yearOf = (d: SessionDate): number => Number(d.slice(0, 4));

/** NYSE rules: 09:30-16:00 America/New_York; holidays and 13:00 early closes from {@link nyseHolidays}. */
export const NYSE_RULES: CalendarRules = {
  exchange: 'XNYS',
  zone: 'America/New_York',
  regularHours: [['09:30', '16:00']],
  halfDayHours: [['09:30', '13:00']],
  closure: (date) => nyseHolidays(yearOf(date)).holidays.get(date) ?? null,
  halfDay: (date) => nyseHolidays(yearOf(date)).earlyCloses.get(date) ?? null,
};

let shared: ExchangeCalendar | null = null;

/**
 * The New York Stock Exchange calendar (America/New_York, DST handled by luxon).
 * @example createNyseCalendar().isSession(asSessionDate('2025-01-09')) // false (day of mourning)
 */
export function createNyseCalendar(): ExchangeCalendar {
  shared ??= new ExchangeCalendar(NYSE_RULES);
  return shared;
}
