import { dayNumber } from './BarsView.js';

/** Days in the 52-week window: sessions dated after `date - 364 days` count. */
export const WEEKS52_DAYS = 364;

/**
 * A calendar year is fully covered when the data starts on or before its 7th of January (its first session).
 * @param firstDay day number (days since 1970-01-01) of the first session in the data
 */
export function coversYear(firstDay: number, year: number): boolean {
  let jan7 = JAN7.get(year);
  if (jan7 === undefined) JAN7.set(year, (jan7 = dayNumber(`${year}-01-07`)));
  return firstDay <= jan7;
}
const JAN7 = new Map<number, number>();
