import Holidays from 'date-holidays';
import { addDays, asSessionDate, type SessionDate } from '../core/units.js';

/** Public holidays of one year in Hong Kong, plus the Lunar New Year's Day date (even when it is a Sunday). */
export interface HkHolidayYear {
  /** Date -> English name, type `public` only, as listed by date-holidays (weekend days it does not list are absent). */
  readonly holidays: ReadonlyMap<SessionDate, string>;
  /** First day of the lunar year, or null if date-holidays lists none of its days (never seen). */
  readonly lunarNewYearsDay: SessionDate | null;
}

let hk: Holidays | null = null;
const cache = new Map<number, HkHolidayYear>();
const LNY_DAY_OFFSET: ReadonlyArray<readonly [RegExp, number]> = [
  [/^Lunar New Year.s Day$/i, 0],
  [/^The second day of Lunar New Year$/i, 1],
  [/^The third day of Lunar New Year$/i, 2],
  [/^The fourth day of Lunar New Year$/i, 3],
];

/**
 * Hong Kong general holidays of `year` from date-holidays (`new Holidays('HK', {languages: ['en']})`, type
 * `public`). The `date` field date-holidays returns is the local calendar date, so the result does not depend
 * on the machine's time zone. Lunar New Year's Day is derived from whichever of its first four days is listed
 * (date-holidays leaves out a first day that falls on a Sunday and lists a substitute instead).
 * Memoised per year. Pure (no I/O; the holiday data ships inside the package).
 * @example hkPublicHolidays(2025).holidays.get(asSessionDate('2025-01-29')) // 'Lunar New Year’s Day'
 */
export function hkPublicHolidays(year: number): HkHolidayYear {
  const hit = cache.get(year);
  if (hit) return hit;
  hk ??= new Holidays('HK', { languages: ['en'] });
  const holidays = new Map<SessionDate, string>();
  let lny: SessionDate | null = null;
  for (const h of hk.getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = asSessionDate(h.date.slice(0, 10));
    holidays.set(date, h.name);
    for (const [re, offset] of LNY_DAY_OFFSET) {
      if (re.test(h.name)) {
        const first = addDays(date, -offset);
        if (lny === null || first < lny) lny = first;
      }
    }
  }
  const out: HkHolidayYear = { holidays, lunarNewYearsDay: lny };
  cache.set(year, out);
  return out;
}
