import { addDays, type SessionDate } from '../core/units.js';
import { ExchangeCalendar, type CalendarRules } from './ExchangeCalendar.js';
import { hkPublicHolidays } from './hkPublicHolidays.js';

/**
 * Whole-day HKEX closures that no holiday table knows: typhoon signal No. 8 or black rainstorm warnings
 * in force through the day, and other one-off closures. Add a line when one happens (source in the comment).
 */
export const HKEX_EXTRA_CLOSURES: ReadonlyMap<string, string> = new Map([
  // Found by comparing this calendar with HSTECH.csv / HSI.csv 2015-2026 (every gap below is a real closure).
  ['2015-04-07', 'The day following Easter Monday'], // general holiday date-holidays does not list
  ['2015-09-03', '70th anniversary of the victory of the War of Resistance'], // one-off general holiday
  ['2016-08-02', 'Typhoon Nida (signal No. 8)'],
  ['2016-10-21', 'Typhoon Haima (signal No. 8)'],
  ['2017-08-23', 'Typhoon Hato (signal No. 10)'],
  ['2020-10-13', 'Typhoon Nangka (signal No. 8)'],
  ['2021-10-13', 'Typhoon Kompasu (signal No. 8)'],
  ['2023-07-17', 'Typhoon Talim (signal No. 8)'],
  ['2023-09-01', 'Typhoon Saola (signal No. 8)'],
  ['2023-09-08', 'Black rainstorm warning'],
  ['2024-09-06', 'Typhoon Yagi (signal No. 8)'],
  // From 2024-09-23 HKEX keeps trading under severe weather, so no more weather closures are expected.
]);

const yearOf = (d: SessionDate): number => Number(d.slice(0, 4));

/**
 * The HKEX rules: weekdays minus Hong Kong public holidays (date-holidays, type public) and the extra closures
 * above; half days (morning only, 09:30-12:00 HKT) on Christmas Eve, New Year's Eve and Lunar New Year's Eve
 * when that day is a weekday and not a holiday. Regular hours 09:30-12:00 and 13:00-16:00 HKT.
 */
export const HKEX_RULES: CalendarRules = {
  exchange: 'XHKG',
  zone: 'Asia/Hong_Kong',
  regularHours: [
    ['09:30', '12:00'],
    ['13:00', '16:00'],
  ],
  halfDayHours: [['09:30', '12:00']],
  closure(date) {
    return hkPublicHolidays(yearOf(date)).holidays.get(date) ?? HKEX_EXTRA_CLOSURES.get(date) ?? null;
  },
  halfDay(date) {
    const md = date.slice(5);
    if (md === '12-24') return 'Christmas Eve';
    if (md === '12-31') return "New Year's Eve";
    const lny = hkPublicHolidays(yearOf(date)).lunarNewYearsDay;
    if (lny !== null && addDays(lny, -1) === date) return "Lunar New Year's Eve";
    return null;
  },
};

let shared: ExchangeCalendar | null = null;

/**
 * The Hong Kong Exchange calendar (Asia/Hong_Kong). Pure and shared (holiday years are memoised).
 * @example createHkexCalendar().sessionHours(asSessionDate('2025-01-28')) // one interval: 01:30Z-04:00Z
 */
export function createHkexCalendar(): ExchangeCalendar {
  shared ??= new ExchangeCalendar(HKEX_RULES);
  return shared;
}
