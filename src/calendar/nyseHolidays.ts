import { addDays, isoWeekday, type SessionDate } from '../core/units.js';
import { easterSunday } from './easterSunday.js';

/** NYSE full-day closures and 13:00 early closes of one year. */
export interface NyseYear {
  /** Closed weekday -> holiday name. */
  readonly holidays: ReadonlyMap<SessionDate, string>;
  /** Early-close session -> occasion. */
  readonly earlyCloses: ReadonlyMap<SessionDate, string>;
}

/** The first year the NYSE calendar is complete for (Saturday sessions ended in 1952); earlier years are not checked. */
export const NYSE_FIRST_YEAR = 1953;

/**
 * One-off NYSE closures (national days of mourning, storms, ...), not computable from rules. Before 2001 from the
 * `holidays` package (vacanza/holidays, `holidays/financial/ny_stock_exchange.py`, after the NYSE's own historical
 * closings list), 1953 on.
 */
export const NYSE_EXTRA_CLOSURES: ReadonlyMap<string, string> = new Map([
  ['1954-12-24', 'Christmas Eve'],
  ['1956-12-24', 'Christmas Eve'],
  ['1958-12-26', 'Day after Christmas'],
  ['1961-05-29', 'Day before Decoration Day'],
  ['1963-11-25', 'Funeral of President John F. Kennedy'],
  ['1965-12-24', 'Christmas Eve'],
  ['1968-04-09', 'Day of Mourning for Martin Luther King Jr.'],
  ['1968-07-05', 'Day after Independence Day'],
  ['1969-02-10', 'Heavy snow'],
  ['1969-03-31', 'Funeral of President Dwight D. Eisenhower'],
  ['1969-07-21', 'National Participation in Lunar Exploration'],
  ['1972-12-28', 'Funeral of President Harry S. Truman'],
  ['1973-01-25', 'Funeral of President Lyndon B. Johnson'],
  ['1977-07-14', 'Blackout in New York City'],
  ['1985-09-27', 'Hurricane Gloria'],
  ['1994-04-27', 'Funeral of President Richard M. Nixon'],
  ['2001-09-11', 'September 11 attacks'],
  ['2001-09-12', 'September 11 attacks'],
  ['2001-09-13', 'September 11 attacks'],
  ['2001-09-14', 'September 11 attacks'],
  ['2004-06-11', 'National Day of Mourning for Ronald Reagan'],
  ['2007-01-02', 'National Day of Mourning for Gerald Ford'],
  ['2012-10-29', 'Hurricane Sandy'],
  ['2012-10-30', 'Hurricane Sandy'],
  ['2018-12-05', 'National Day of Mourning for George H. W. Bush'],
  ['2025-01-09', 'National Day of Mourning for Jimmy Carter'],
]);

const ymd = (y: number, m: number, d: number): SessionDate =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as SessionDate;

/** The `n`-th (1-based) ISO weekday `wd` of month `m`; n = -1 means the last one. */
function nthWeekday(y: number, m: number, wd: number, n: number): SessionDate {
  if (n > 0) {
    const first = ymd(y, m, 1);
    const shift = (wd - isoWeekday(first) + 7) % 7;
    return addDays(first, shift + 7 * (n - 1));
  }
  const last = addDays(ymd(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1), -1);
  return addDays(last, -((isoWeekday(last) - wd + 7) % 7));
}

/** NYSE Rule 7.2 observance: Saturday -> Friday before, Sunday -> Monday after. */
function observed(d: SessionDate): SessionDate {
  const w = isoWeekday(d);
  return w === 6 ? addDays(d, -1) : w === 7 ? addDays(d, 1) : d;
}

const cache = new Map<number, NyseYear>();

/**
 * NYSE holidays and early closes of `year` from an explicit rule table (NYSE Rule 7.2; date-holidays 'US'
 * is a federal list and differs: Columbus and Veterans Day are open, Good Friday is closed):
 * New Year's Day (Sunday -> Monday; a Saturday New Year is not moved to Friday), Martin Luther King Jr. Day
 * (3rd Monday of January, from 1998), Washington's Birthday (3rd Monday of February), Good Friday, Memorial Day
 * (last Monday of May), Juneteenth (June 19, from 2022), Independence Day (July 4), Labor Day (1st Monday of
 * September), Thanksgiving (4th Thursday of November), Christmas (December 25); Saturday -> Friday,
 * Sunday -> Monday; plus {@link NYSE_EXTRA_CLOSURES}. History from {@link NYSE_FIRST_YEAR} (1953), after the
 * `holidays` package's NYSE calendar: Lincoln's Birthday (Feb 12) to 1953 and in 1968; Washington's Birthday on
 * Feb 22 and Memorial Day on May 30 (observed) to 1970; Flag Day, Columbus Day and Veterans' Day to 1953; Election
 * Day to 1968 and in 1972, 1976, 1980; the Wednesdays of the 1968 paperwork crisis. Early closes at 13:00 ET: July 3,
 * the day after Thanksgiving and December 24, each when it is a weekday session (today's rule; earlier early closes
 * are not modelled). Memoised per year.
 * @example nyseHolidays(2025).holidays.get(asSessionDate('2025-04-18')) // 'Good Friday'
 */
export function nyseHolidays(year: number): NyseYear {
  const hit = cache.get(year);
  if (hit) return hit;
  const h = new Map<SessionDate, string>();
  const newYear = ymd(year, 1, 1);
  if (isoWeekday(newYear) !== 6) h.set(observed(newYear), "New Year's Day");
  if (year >= 1998) h.set(nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day');
  if (year <= 1953 || year === 1968) h.set(observed(ymd(year, 2, 12)), "Lincoln's Birthday");
  // the Uniform Monday Holiday Act moved Washington's Birthday and Memorial Day to Mondays from 1971
  h.set(year <= 1970 ? observed(ymd(year, 2, 22)) : nthWeekday(year, 2, 1, 3), "Washington's Birthday");
  h.set(addDays(easterSunday(year), -2), 'Good Friday');
  h.set(year <= 1970 ? observed(ymd(year, 5, 30)) : nthWeekday(year, 5, 1, -1), 'Memorial Day');
  if (year <= 1953) h.set(observed(ymd(year, 6, 14)), 'Flag Day');
  if (year >= 2022) h.set(observed(ymd(year, 6, 19)), 'Juneteenth National Independence Day');
  h.set(observed(ymd(year, 7, 4)), 'Independence Day');
  h.set(nthWeekday(year, 9, 1, 1), 'Labor Day');
  if (year <= 1953) h.set(observed(ymd(year, 10, 12)), 'Columbus Day');
  // Election Day (the Tuesday after the first Monday of November): every year to 1968, then presidential years to 1980
  if (year <= 1968 || year === 1972 || year === 1976 || year === 1980) h.set(addDays(nthWeekday(year, 11, 1, 1), 1), 'Election Day');
  if (year <= 1953) h.set(observed(ymd(year, 11, 11)), "Veterans' Day");
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  h.set(thanksgiving, 'Thanksgiving Day');
  h.set(observed(ymd(year, 12, 25)), 'Christmas Day');
  for (const [d, name] of NYSE_EXTRA_CLOSURES) if (d.startsWith(`${year}-`)) h.set(d as SessionDate, name);
  // the paperwork crisis of 1968: closed every Wednesday from June 12 to December 24
  if (year === 1968) for (let d = ymd(1968, 6, 12); d <= '1968-12-24'; d = addDays(d, 7)) if (!h.has(d)) h.set(d, 'Paperwork crisis');

  const early = new Map<SessionDate, string>();
  const addEarly = (d: SessionDate, name: string): void => {
    if (isoWeekday(d) <= 5 && !h.has(d)) early.set(d, name);
  };
  addEarly(ymd(year, 7, 3), 'Day before Independence Day');
  addEarly(addDays(thanksgiving, 1), 'Day after Thanksgiving');
  addEarly(ymd(year, 12, 24), 'Christmas Eve');
  const out: NyseYear = { holidays: h, earlyCloses: early };
  cache.set(year, out);
  return out;
}
