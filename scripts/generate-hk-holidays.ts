/**
 * Writes src/calendar/hkHolidayTable.ts: Hong Kong public holidays 1990-2040 precomputed from date-holidays
 * (src/calendar/hkHolidaysFromPackage.ts), so a CLI process does not redo the lunar calendar maths (~1 s CPU).
 * Run after upgrading date-holidays (src/calendar/hkHolidayTable.test.ts fails until you do):
 *   npx tsx scripts/generate-hk-holidays.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { hkHolidaysFromPackage } from '../src/calendar/hkHolidaysFromPackage.js';
import { HK_TABLE_FIRST_YEAR, HK_TABLE_LAST_YEAR, renderHkHolidayTable } from '../src/calendar/hkHolidayTableFormat.js';

const version = (createRequire(import.meta.url)('date-holidays/package.json') as { version: string }).version;
const rows = [];
for (let y = HK_TABLE_FIRST_YEAR; y <= HK_TABLE_LAST_YEAR; y++) rows.push(hkHolidaysFromPackage(y));
const out = fileURLToPath(new URL('../src/calendar/hkHolidayTable.ts', import.meta.url));
writeFileSync(out, renderHkHolidayTable(version, rows));
process.stdout.write(`wrote ${out} (${HK_TABLE_FIRST_YEAR}-${HK_TABLE_LAST_YEAR}, date-holidays ${version})\n`);
