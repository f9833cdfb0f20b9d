import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { HK_HOLIDAY_TABLE } from './hkHolidayTable.js';
import { HK_TABLE_FIRST_YEAR, HK_TABLE_LAST_YEAR, renderHkHolidayTable } from './hkHolidayTableFormat.js';
import { hkHolidaysFromPackage } from './hkHolidaysFromPackage.js';
import { hkPublicHolidays } from './hkPublicHolidays.js';
import { asSessionDate } from '../core/units.js';

const years = Array.from({ length: HK_TABLE_LAST_YEAR - HK_TABLE_FIRST_YEAR + 1 }, (_, i) => HK_TABLE_FIRST_YEAR + i);
const installed = (createRequire(import.meta.url)('date-holidays/package.json') as { version: string }).version;

describe('hkHolidayTable (precomputed from date-holidays; regenerate: npx tsx scripts/generate-hk-holidays.ts)', () => {
  it('covers exactly 1990-2040 and was generated from the installed date-holidays', () => {
    expect(Object.keys(HK_HOLIDAY_TABLE.years)).toEqual(years.map(String));
    expect(HK_HOLIDAY_TABLE.dateHolidaysVersion).toBe(installed);
  });

  it('equals date-holidays recomputed for every year, and the file is exactly what the generator writes', () => {
    const rows = years.map((y) => hkHolidaysFromPackage(y));
    years.forEach((y, i) => expect(HK_HOLIDAY_TABLE.years[String(y)], String(y)).toEqual(rows[i]));
    const file = readFileSync(new URL('./hkHolidayTable.ts', import.meta.url), 'utf8');
    expect(file).toBe(renderHkHolidayTable(installed, rows));
  }, 120_000);

  it('hkPublicHolidays serves the table inside its range and date-holidays outside it', () => {
    const lny = hkPublicHolidays(2025);
    expect(lny.lunarNewYearsDay).toBe('2025-01-29');
    expect(lny.holidays.get(asSessionDate('2025-01-29'))).toBe('Lunar New Year’s Day');
    for (const y of [1989, 2041]) {
      const got = hkPublicHolidays(y);
      const want = hkHolidaysFromPackage(y);
      expect([...got.holidays]).toEqual(want.holidays.map(([d, n]) => [d, n]));
      expect(got.lunarNewYearsDay).toBe(want.lunarNewYearsDay);
      expect(got.holidays.size).toBeGreaterThan(10);
    }
  }, 60_000);
});
