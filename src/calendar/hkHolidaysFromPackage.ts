import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { addDays, asSessionDate, type SessionDate } from '../core/units.js';

/** One year of Hong Kong public holidays as hkPublicHolidays serves it (also the row format of hkHolidayTable.ts). */
export interface HkHolidayRow {
  /** First day of the lunar year, or null if date-holidays lists none of its first four days (never seen). */
  readonly lunarNewYearsDay: string | null;
  /** [date, English name] in date-holidays' order, type `public` only. */
  readonly holidays: ReadonlyArray<readonly [string, string]>;
}

let hk: Holidays | null = null;

/**
 * date-holidays, required on first use: hkPublicHolidays needs it only for years outside hkHolidayTable.ts, and
 * loading it costs ~0.3 s. A run-time require from node_modules (esbuild leaves a `createRequire()` call alone),
 * so the CLI bundles do not carry the package either.
 */
function loadHolidays(): typeof Holidays {
  const m = createRequire(import.meta.url)('date-holidays') as typeof Holidays | { default: typeof Holidays };
  return 'default' in m ? m.default : m;
}
const LNY_DAY_OFFSET: ReadonlyArray<readonly [RegExp, number]> = [
  [/^Lunar New Year.s Day$/i, 0],
  [/^The second day of Lunar New Year$/i, 1],
  [/^The third day of Lunar New Year$/i, 2],
  [/^The fourth day of Lunar New Year$/i, 3],
];

/**
 * Computes one year from date-holidays (`new Holidays('HK', {languages: ['en']})`, type `public`): the slow path
 * (lunar calendar maths, ~0.1 s a year). Used by scripts/generate-hk-holidays.ts to write hkHolidayTable.ts, by
 * the test that checks the table against the package, and by hkPublicHolidays for years outside the table.
 * The `date` field date-holidays returns is the local calendar date, so the result does not depend on the
 * machine's time zone. Lunar New Year's Day is derived from whichever of its first four days is listed
 * (date-holidays leaves out a first day that falls on a Sunday and lists a substitute instead).
 */
export function hkHolidaysFromPackage(year: number): HkHolidayRow {
  hk ??= new (loadHolidays())('HK', { languages: ['en'] });
  const holidays: Array<readonly [string, string]> = [];
  let lny: SessionDate | null = null;
  for (const h of hk.getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = asSessionDate(h.date.slice(0, 10));
    holidays.push([date, h.name]);
    for (const [re, offset] of LNY_DAY_OFFSET) {
      if (re.test(h.name)) {
        const first = addDays(date, -offset);
        if (lny === null || first < lny) lny = first;
      }
    }
  }
  return { lunarNewYearsDay: lny, holidays };
}
