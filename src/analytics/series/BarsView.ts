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
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** Day number of the Monday of the ISO week of `day` (a day number): the key of a calendar week. */
export function weekKey(day: number): number {
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return day - (((day + 3) % 7) + 7) % 7;
}

/** Calendar year of a `YYYY-MM-DD` date. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));
