import type { SessionDate } from '../../core/units.js';

/**
 * Read access to bars by position (0 = oldest), shared by batch columns and streaming histories so that one
 * function turns a detector's numbers into Facts for both faces. Prices in the series' own units.
 */
export interface BarsView {
  readonly length: number;
  date(i: number): SessionDate;
  close(i: number): number;
  high(i: number): number;
  low(i: number): number;
  /** Shares traded, NaN when unknown. */
  volume(i: number): number;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (UTC arithmetic, no time zone can shift it). */
export function dayNumber(date: string): number {
  if (date === lastDate) return lastDay; // streaming detectors fed the same bar ask for the same date in a row
  lastDay = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
  lastDate = date;
  return lastDay;
}
let lastDate = '';
let lastDay = 0;

/** Day number of the Monday of the ISO week of `day` (a day number): the key of a calendar week. */
export function weekKey(day: number): number {
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return day - (((day + 3) % 7) + 7) % 7;
}

/** Calendar year of a `YYYY-MM-DD` date. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * Calendar year of a day number (days since 1970-01-01), by integer arithmetic (H. Hinnant's civil_from_days).
 * @example yearOfDay(dayNumber('2024-12-31')) // 2024
 */
export function yearOfDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}
