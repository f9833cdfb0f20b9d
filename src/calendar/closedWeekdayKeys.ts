import { dayKey } from '../core/dayKey.js';
import { isoWeekday, type SessionDate } from '../core/units.js';
import type { TradingCalendar } from './TradingCalendar.js';

const byCalendar = new WeakMap<TradingCalendar, Map<number, readonly number[]>>();

/**
 * The weekdays a calendar says were closed (holidays), as ascending {@link dayKey}s in [fromKey, toKey]: what a
 * reader of columns checks its bars against without making a date string per bar. Each year is worked out once per
 * calendar (365 `dayInfo` calls) and kept.
 * @example closedWeekdayKeys(createHkexCalendar(), dayKey('2025-01-27'), dayKey('2025-02-03')) // keys of 01-29, 01-30, 01-31
 */
export function closedWeekdayKeys(cal: TradingCalendar, fromKey: number, toKey: number): number[] {
  let years = byCalendar.get(cal);
  if (years === undefined) byCalendar.set(cal, (years = new Map()));
  const out: number[] = [];
  // a key is (year x 13 + month) x 32 + day, and month x 32 + day < 416 = 13 x 32
  for (let y = Math.floor(fromKey / 416), last = Math.floor(toKey / 416); y <= last; y++) {
    let list = years.get(y);
    if (list === undefined) years.set(y, (list = closedOfYear(cal, y)));
    for (const k of list) if (k >= fromKey && k <= toKey) out.push(k);
  }
  return out;
}

function closedOfYear(cal: TradingCalendar, y: number): number[] {
  const out: number[] = [];
  const t0 = Date.UTC(y, 0, 1);
  for (let t = t0; new Date(t).getUTCFullYear() === y; t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10) as SessionDate;
    if (isoWeekday(d) <= 5 && !cal.isSession(d)) out.push(dayKey(d));
  }
  return out;
}

