import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asSessionDate, type SessionDate } from '../core/units.js';
import { describeWithSharedData, HK_DATA } from '../../test/support/sharedData.js';
import { createHkexCalendar, HKEX_EXTRA_CLOSURES } from './hkexCalendar.js';

const cal = createHkexCalendar();
const d = asSessionDate;
const utc = (y: number, mo: number, day: number, h: number, mi: number): number => Date.UTC(y, mo - 1, day, h, mi);

/** libraries.md §4: the 17 HK general holidays of 2025 (official gazette). */
const HK_2025: ReadonlyArray<readonly [string, string]> = [
  ['2025-01-01', 'The first day of January'],
  ['2025-01-29', 'Lunar New Year’s Day'],
  ['2025-01-30', 'The second day of Lunar New Year'],
  ['2025-01-31', 'The third day of Lunar New Year'],
  ['2025-04-04', 'Ching Ming Festival'],
  ['2025-04-18', 'Good Friday'],
  ['2025-04-19', 'The day following Good Friday'],
  ['2025-04-21', 'Easter Monday'],
  ['2025-05-01', 'Labour Day'],
  ['2025-05-05', 'Birthday of the Buddha'],
  ['2025-05-31', 'Tuen Ng Festival'],
  ['2025-07-01', 'Hong Kong Special Administrative Region Establishment Day'],
  ['2025-10-01', 'National Day'],
  ['2025-10-07', 'The day following the Chinese Mid-Autumn Festival'],
  ['2025-10-29', 'Chung Yeung Festival'],
  ['2025-12-25', 'Christmas Day'],
  ['2025-12-26', 'The first weekday after Christmas Day'],
];

describe('HKEX calendar', () => {
  it('closes on each of the 17 HK public holidays of 2025, naming weekday holidays', () => {
    expect(HK_2025).toHaveLength(17);
    for (const [date, name] of HK_2025) {
      const info = cal.dayInfo(d(date));
      expect(info.isSession, date).toBe(false);
      // 04-19 and 05-31 are Saturdays: the weekend is the reason given first.
      expect(info.reason, date).toBe(date === '2025-04-19' || date === '2025-05-31' ? 'weekend' : name);
    }
  });

  it('has 246 sessions in 2025 (261 weekdays - 15 weekday holidays)', () => {
    // 2025 has 261 weekdays (365 days, starts Wednesday: 52 full weeks = 260 weekdays + Wed 12-31 = 261).
    // Weekday holidays: 17 listed - 2 on Saturdays (04-19, 05-31) = 15. 261 - 15 = 246.
    expect(cal.sessionsBetween(d('2025-01-01'), d('2025-12-31'))).toHaveLength(246);
  });

  it('makes Christmas Eve, New Year Eve and Lunar New Year Eve half days (09:30-12:00 HKT) on weekdays only', () => {
    for (const date of ['2024-02-09', '2024-12-24', '2024-12-31', '2025-01-28', '2025-12-24', '2025-12-31', '2026-02-16']) {
      const info = cal.dayInfo(d(date));
      expect(info.isSession && info.isHalfDay, date).toBe(true);
    }
    expect(cal.dayInfo(d('2025-01-28')).reason).toBe("Lunar New Year's Eve");
    // 09:30 HKT = 01:30Z, 12:00 HKT = 04:00Z (UTC+8, no DST).
    expect(cal.sessionHours(d('2025-01-28'))).toEqual([{ startMs: utc(2025, 1, 28, 1, 30), endMs: utc(2025, 1, 28, 4, 0) }]);
    // 2023: Lunar New Year's Day was Sunday 01-22, its eve Saturday 01-21: no half day; Friday 01-20 is a full day.
    expect(cal.dayInfo(d('2023-01-20'))).toEqual({ date: '2023-01-20', isSession: true, isHalfDay: false, reason: null });
    // 2022-12-24 and 12-31 were Saturdays.
    expect(cal.isSession(d('2022-12-24'))).toBe(false);
  });

  it('gives two intervals on a full day: 09:30-12:00 and 13:00-16:00 HKT', () => {
    // 2025-02-07 (the seed story's day): 01:30Z-04:00Z and 05:00Z-08:00Z.
    expect(cal.sessionHours(d('2025-02-07'))).toEqual([
      { startMs: utc(2025, 2, 7, 1, 30), endMs: utc(2025, 2, 7, 4, 0) },
      { startMs: utc(2025, 2, 7, 5, 0), endMs: utc(2025, 2, 7, 8, 0) },
    ]);
    expect(cal.sessionHours(d('2025-02-08'))).toEqual([]);
  });

  it('steps over Lunar New Year and weekends', () => {
    // Tue 01-28 half day; Wed-Fri 01-29..31 holidays; Sat, Sun; Mon 02-03 next.
    expect(cal.nextSession(d('2025-01-28'))).toBe('2025-02-03');
    expect(cal.previousSession(d('2025-02-03'))).toBe('2025-01-28');
    expect(cal.nextSession(d('2025-02-07'))).toBe('2025-02-10');
    expect(cal.previousSession(d('2025-01-01'))).toBe('2024-12-31');
  });

  it('rejects a malformed date', () => {
    expect(() => cal.isSession('2025-02-30' as SessionDate)).toThrow('not a date (YYYY-MM-DD): "2025-02-30"');
  });
});

describeWithSharedData('HKEX calendar against HSTECH.csv', () => {
  const dates = readFileSync(join(HK_DATA, 'HSTECH.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.slice(0, 10));

  it('matches every HSTECH.csv date of 2024 and 2025 exactly, both ways', () => {
    for (const year of ['2024', '2025']) {
      const csv = dates.filter((x) => x.startsWith(year));
      expect(cal.sessionsBetween(d(`${year}-01-01`), d(`${year}-12-31`)), year).toEqual(csv);
    }
  });

  it('matches 2015-2026 once the extra closures (typhoons, one-off holidays) are listed', () => {
    const first = d(dates[0] as string), last = d(dates[dates.length - 1] as string);
    const sessions = cal.sessionsBetween(first, last);
    const csv = new Set(dates);
    const sessionSet = new Set<string>(sessions);
    expect(sessions.filter((s) => !csv.has(s))).toEqual([]);
    expect(dates.filter((x) => !sessionSet.has(x))).toEqual([]);
    // Every extra closure really is missing from the exchange's own series (the table is not padding).
    for (const x of HKEX_EXTRA_CLOSURES.keys()) if (x >= first && x <= last) expect(csv.has(x), x).toBe(false);
  });
});
