import { describe, expect, it } from 'vitest';
import { holidayCalendarFor } from '../../src/calendar/holidayCalendarFor.js';
import { dayKey } from '../../src/core/dayKey.js';
import { parseBarsColumns } from '../../src/sources/csvBars/parseBarsColumns.js';
import { parseBarsCsv } from '../../src/sources/csvBars/parseBarsCsv.js';
import { screenParsed } from '../../src/sources/csvBars/readBarsFolder.js';
import { closedWeekdayKeys } from '../../src/calendar/closedWeekdayKeys.js';

const H = 'date,open,high,low,close,adj_close,volume';
const file = (dates: readonly string[]) => `${[H, ...dates.map((d, i) => `${d},${10 + i},${10 + i},${10 + i},${10 + i},,`)].join('\n')}\n`;
const NOW = Date.UTC(2026, 11, 7);
const screened = (name: string, dates: readonly string[]) => {
  const text = file(dates);
  return screenParsed(parseBarsCsv(text, name), text, NOW).issues.map((i) => i.message);
};

/**
 * Issue 15: the holiday check applied to Hong Kong series only, and the NYSE calendar lacked the closures before
 * 2001. Now each symbol is checked against its exchange's calendar (holidayCalendarFor.ts).
 */
describe('the holiday screen follows the symbol\'s exchange (issue 15)', () => {
  it('a US index bar on the day of Nixon\'s funeral (1994-04-27) is kept with a warning', () => {
    expect(screened('^GSPC.csv', ['1994-04-25', '1994-04-26', '1994-04-27', '1994-04-28'])).toEqual([
      '^GSPC.csv:4: field "date": value "1994-04-27" the exchange was closed (Funeral of President Richard M. Nixon): kept, check the data (row kept)',
    ]);
  });

  it('a US stock (*.US) on Hurricane Gloria (1985-09-27) and on Election Day 1980 (11-04)', () => {
    expect(screened('IBM.US.csv', ['1980-11-03', '1980-11-04', '1985-09-26', '1985-09-27'])).toEqual([
      'IBM.US.csv:3: field "date": value "1980-11-04" the exchange was closed (Election Day): kept, check the data (row kept)',
      'IBM.US.csv:5: field "date": value "1985-09-27" the exchange was closed (Hurricane Gloria): kept, check the data (row kept)',
    ]);
  });

  it('before 1953 a US series is not checked (Saturday sessions then); a symbol of unknown exchange never is', () => {
    expect(screened('^DJI.csv', ['1950-05-29', '1950-05-30', '1950-05-31'])).toEqual([]); // Memorial Day 1950: not checked
    expect(screened('AB.csv', ['2025-01-08', '2025-01-09', '2025-01-10'])).toEqual([]); // NYSE closed 01-09, AB unknown
    expect(holidayCalendarFor('AB')).toBeNull();
    expect(holidayCalendarFor('0700.HK')?.calendar.exchange).toBe('XHKG');
    expect(holidayCalendarFor('^gspc')?.calendar.exchange).toBe('XNYS');
  });

  it('an HK series is checked against HKEX, not NYSE (2025-01-09 traded in Hong Kong)', () => {
    expect(screened('0700.HK.csv', ['2025-01-08', '2025-01-09', '2025-01-10'])).toEqual([]);
  });

  it('the columns route takes the NYSE holiday too: not plain, and the same message', () => {
    const text = file(['1994-04-25', '1994-04-26', '1994-04-27', '1994-04-28']);
    const hol = holidayCalendarFor('^GSPC')!;
    const p = parseBarsColumns(Buffer.from(text), '^GSPC.csv', undefined, {
      screen: { todayKey: dayKey('2026-12-08'), closedKeys: (a, b) => closedWeekdayKeys(hol.calendar, a, b), screen: (x, t) => screenParsed(x, t, NOW) },
    });
    expect(p.fast).toBe(false);
    expect(p.issues.map((i) => i.message)).toEqual(screened('^GSPC.csv', ['1994-04-25', '1994-04-26', '1994-04-27', '1994-04-28']));
  });
});
