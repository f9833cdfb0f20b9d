import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, asSessionDate, type SessionDate } from '../core/units.js';
import { easterSunday } from './easterSunday.js';
import { createHkexCalendar } from './hkexCalendar.js';
import { createNyseCalendar } from './nyseCalendar.js';
import { nyseHolidays } from './nyseHolidays.js';

const nyse = createNyseCalendar();
const d = asSessionDate;
const utc = (y: number, mo: number, day: number, h: number, mi: number): number => Date.UTC(y, mo - 1, day, h, mi);

describe('NYSE calendar', () => {
  it('lists the 2025 holidays, with the Carter day of mourning', () => {
    expect([...nyseHolidays(2025).holidays.keys()].sort()).toEqual([
      '2025-01-01', '2025-01-09', '2025-01-20', '2025-02-17', '2025-04-18', '2025-05-26',
      '2025-06-19', '2025-07-04', '2025-09-01', '2025-11-27', '2025-12-25',
    ]);
    expect([...nyseHolidays(2025).earlyCloses.keys()].sort()).toEqual(['2025-07-03', '2025-11-28', '2025-12-24']);
  });

  it('counts the published number of sessions per year', () => {
    // NYSE trading days: 2022 = 251, 2023 = 250, 2024 = 252, 2025 = 250.
    const count = (y: number) => nyse.sessionsBetween(d(`${y}-01-01`), d(`${y}-12-31`)).length;
    expect([count(2022), count(2023), count(2024), count(2025)]).toEqual([251, 250, 252, 250]);
  });

  it('applies the weekend observance rules', () => {
    expect(nyse.isSession(d('2021-12-31'))).toBe(true); // New Year 2022 on Saturday: not moved to Friday
    expect(nyse.isSession(d('2022-06-20'))).toBe(false); // Juneteenth on Sunday -> Monday
    expect(nyse.isSession(d('2021-06-18'))).toBe(true); // Juneteenth only from 2022
    expect(nyse.isSession(d('2026-07-03'))).toBe(false); // July 4 on Saturday -> Friday
    expect(nyse.isSession(d('2021-12-24'))).toBe(false); // Christmas on Saturday -> Friday (no early close then)
    expect(nyse.isSession(d('2022-12-26'))).toBe(false); // Christmas on Sunday -> Monday
    expect(nyse.isSession(d('2023-01-02'))).toBe(false); // New Year on Sunday -> Monday
    expect(nyse.dayInfo(d('2024-03-29')).reason).toBe('Good Friday'); // Easter 2024-03-31
    expect(nyse.nextSession(d('2001-09-10'))).toBe('2001-09-17'); // closed Tue-Fri after September 11
  });

  it('gives ET hours in UTC across daylight saving and 13:00 early closes', () => {
    // Fri 2025-03-07 EST (UTC-5): 09:30 -> 14:30Z, 16:00 -> 21:00Z. Mon 03-10 EDT (UTC-4): 13:30Z-20:00Z.
    expect(nyse.sessionHours(d('2025-03-07'))).toEqual([{ startMs: utc(2025, 3, 7, 14, 30), endMs: utc(2025, 3, 7, 21, 0) }]);
    expect(nyse.sessionHours(d('2025-03-10'))).toEqual([{ startMs: utc(2025, 3, 10, 13, 30), endMs: utc(2025, 3, 10, 20, 0) }]);
    // Day after Thanksgiving 2025-11-28, EST: 09:30-13:00 -> 14:30Z-18:00Z.
    expect(nyse.sessionHours(d('2025-11-28'))).toEqual([{ startMs: utc(2025, 11, 28, 14, 30), endMs: utc(2025, 11, 28, 18, 0) }]);
    expect(nyse.sessionHours(d('2025-12-25'))).toEqual([]);
  });

  it('agrees with date-holidays US on the federal holidays NYSE shares (2000-2040)', () => {
    const us = new Holidays('US', { languages: ['en'] });
    const shared: Record<string, string> = {
      'Martin Luther King Jr. Day': 'Martin Luther King Jr. Day',
      "Washington's Birthday": "Washington's Birthday",
      'Memorial Day': 'Memorial Day',
      'Labour Day': 'Labor Day',
      'Thanksgiving Day': 'Thanksgiving Day',
    };
    let compared = 0;
    for (let y = 2000; y <= 2040; y++) {
      const ours = nyseHolidays(y).holidays;
      for (const h of us.getHolidays(y)) {
        const name = shared[h.name];
        if (h.type !== 'public' || name === undefined) continue;
        expect(ours.get(d(h.date.slice(0, 10))), `${y} ${h.name}`).toBe(name);
        compared++;
      }
    }
    expect(compared).toBe(41 * 5);
  });

  it('knows the closures before 2001 (issue 15): one-off days and the rules before 1971', () => {
    const reason = (x: string) => nyse.dayInfo(d(x)).reason;
    expect(reason('1994-04-27')).toBe('Funeral of President Richard M. Nixon');
    expect(reason('1985-09-27')).toBe('Hurricane Gloria');
    expect(reason('1977-07-14')).toBe('Blackout in New York City');
    expect(reason('1963-11-25')).toBe('Funeral of President John F. Kennedy');
    // Washington's Birthday on Feb 22 to 1970: 1970-02-22 was a Sunday -> Monday 02-23; from 1971 the 3rd Monday (02-15)
    expect(reason('1970-02-23')).toBe("Washington's Birthday");
    expect(reason('1971-02-15')).toBe("Washington's Birthday");
    expect(nyse.isSession(d('1971-02-22'))).toBe(true);
    // Memorial Day on May 30 to 1970 (1969-05-30 a Friday), then the last Monday (1971-05-31)
    expect(reason('1969-05-30')).toBe('Memorial Day');
    expect(reason('1971-05-31')).toBe('Memorial Day');
    // Election Day: closed in 1980 (Tue 11-04), open in 1982 (Tue 11-02) and 1984 (Tue 11-06)
    expect(reason('1980-11-04')).toBe('Election Day');
    expect([nyse.isSession(d('1982-11-02')), nyse.isSession(d('1984-11-06'))]).toEqual([true, true]);
    // 1968: Lincoln's Birthday (Mon 02-12), the paperwork-crisis Wednesdays (06-12 ... 12-18), not Christmas Day twice
    expect(reason('1968-02-12')).toBe("Lincoln's Birthday");
    expect([reason('1968-06-12'), reason('1968-10-02'), reason('1968-12-18')]).toEqual(['Paperwork crisis', 'Paperwork crisis', 'Paperwork crisis']);
    expect(nyse.isSession(d('1968-06-13'))).toBe(true);
  });

  it('counts the sessions of 1994 and 1985 by hand', () => {
    // 1994: 365 days from a Saturday = 52 weeks + 1 (Sat): 260 weekdays. Closed weekdays: Washington 02-21, Good
    // Friday 04-01, Nixon 04-27, Memorial 05-30, Independence 07-04, Labor 09-05, Thanksgiving 11-24, Christmas
    // (Sunday) -> 12-26; New Year on a Saturday is not moved. 260 - 8 = 252.
    // 1985: from a Tuesday: 52 weeks + 1 (Tue): 261 weekdays. Closed: 01-01, 02-18, Good Friday 04-05, 05-27,
    // 07-04, 09-02, Gloria 09-27, 11-28, 12-25: 9. 261 - 9 = 252.
    const count = (y: number) => nyse.sessionsBetween(d(`${y}-01-01`), d(`${y}-12-31`)).length;
    expect([count(1994), count(1985)]).toEqual([252, 252]);
  });

  it('computes Easter by the Gregorian algorithm', () => {
    expect(['2019', '2024', '2025', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2019-04-21', '2024-03-31', '2025-04-20', '2038-04-25',
    ]);
    expect(() => easterSunday(1500)).toThrow('year out of range 1583..9999: 1500');
  });
});

describe('calendar invariants (both exchanges)', () => {
  const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays(d('2005-01-01'), n));
  for (const cal of [createHkexCalendar(), createNyseCalendar()]) {
    it(`${cal.exchange}: next/previous are sessions adjacent to the date, and sessionsBetween agrees`, () => {
      fc.assert(
        fc.property(day, fc.integer({ min: 0, max: 40 }), (from, span) => {
          const to = addDays(from, span);
          const next = cal.nextSession(from);
          const prev = cal.previousSession(from);
          expect(next > from && cal.isSession(next)).toBe(true);
          expect(prev < from && cal.isSession(prev)).toBe(true);
          expect(cal.sessionsBetween(addDays(from, 1), addDays(next, -1))).toEqual([]);
          const between = cal.sessionsBetween(from, to);
          const brute: SessionDate[] = [];
          for (let x = from; x <= to; x = addDays(x, 1)) if (cal.isSession(x)) brute.push(x);
          expect(between).toEqual(brute);
          if (between.length > 1) expect(cal.nextSession(between[0] as SessionDate)).toBe(between[1]);
          for (const s of between) {
            const hours = cal.sessionHours(s);
            expect(hours.length).toBeGreaterThan(0);
            for (const h of hours) expect(h.endMs).toBeGreaterThan(h.startMs);
          }
        }),
        { numRuns: 100 },
      );
    });
  }
});
