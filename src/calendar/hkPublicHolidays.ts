import { asSessionDate, type SessionDate } from '../core/units.js';
import { HK_HOLIDAY_TABLE } from './hkHolidayTable.js';
import { hkHolidaysFromPackage, type HkHolidayRow } from './hkHolidaysFromPackage.js';

/** Public holidays of one year in Hong Kong, plus the Lunar New Year's Day date (even when it is a Sunday). */
export interface HkHolidayYear {
  /** Date -> English name, type `public` only, as listed by date-holidays (weekend days it does not list are absent). */
  readonly holidays: ReadonlyMap<SessionDate, string>;
  /** First day of the lunar year, or null if date-holidays lists none of its days (never seen). */
  readonly lunarNewYearsDay: SessionDate | null;
}

const cache = new Map<number, HkHolidayYear>();

/**
 * Hong Kong general holidays of `year` as date-holidays lists them (`new Holidays('HK', {languages: ['en']})`,
 * type `public`; see hkHolidaysFromPackage). Years HK_HOLIDAY_TABLE covers (1990-2040) are read from that
 * precomputed table (generated from date-holidays by scripts/generate-hk-holidays.ts and checked against it by
 * hkHolidayTable.test.ts), because date-holidays' lunar calendar maths costs ~1 s of CPU for 2015-2026; other
 * years are computed by date-holidays. Memoised per year. Pure (no I/O).
 * @example hkPublicHolidays(2025).holidays.get(asSessionDate('2025-01-29')) // 'Lunar New Year’s Day'
 */
export function hkPublicHolidays(year: number): HkHolidayYear {
  const hit = cache.get(year);
  if (hit) return hit;
  const row: HkHolidayRow = HK_HOLIDAY_TABLE.years[String(year)] ?? hkHolidaysFromPackage(year);
  const out: HkHolidayYear = {
    holidays: new Map(row.holidays.map(([d, name]) => [asSessionDate(d), name])),
    lunarNewYearsDay: row.lunarNewYearsDay === null ? null : asSessionDate(row.lunarNewYearsDay),
  };
  cache.set(year, out);
  return out;
}
