import { addDays, isoWeekday, type SessionDate } from '../../core/units.js';

export interface ReviewRule {
  readonly rule: 'hsil-quarterly' | 'none';
  /** Months (1..12) of the quarterly rule. */
  readonly months: readonly number[];
  /** Explicit review dates: effective at the first session on or after each. */
  readonly dates: readonly SessionDate[];
}

/**
 * The first Friday of a month, as `YYYY-MM-DD`.
 * @example firstFriday(2024, 12) // '2024-12-06'
 */
export function firstFriday(year: number, month: number): SessionDate {
  const key = year * 100 + month;
  let hit = fridays.get(key);
  if (hit === undefined) fridays.set(key, (hit = computeFirstFriday(year, month)));
  return hit;
}

/** Memo of first Fridays by year x 100 + month (pure: the calendar never changes). */
const fridays = new Map<number, SessionDate>();

function computeFirstFriday(year: number, month: number): SessionDate {
  const first = `${year}-${String(month).padStart(2, '0')}-01` as SessionDate;
  const wd = isoWeekday(first); // 1 = Monday .. 5 = Friday
  return addDays(first, (5 - wd + 7) % 7);
}

/**
 * True when a review takes effect at the open of `session`, given the previous session (null on the first).
 * HSIL quarterly rule: effective the first session AFTER the first Friday of each listed month
 * (2024-12-06 is a Friday, so 2024-12-09). Explicit dates: the first session on or after the date.
 * Pure and streaming-friendly: it needs only the previous and current session dates.
 */
export function isReviewSession(rule: ReviewRule, previous: SessionDate | null, session: SessionDate): boolean {
  if (previous === null) return false;
  for (const d of rule.dates) if (previous < d && d <= session) return true;
  if (rule.rule === 'hsil-quarterly') {
    const y0 = Number(previous.slice(0, 4));
    const y1 = Number(session.slice(0, 4));
    for (let y = y0; y <= y1; y++) {
      for (const m of rule.months) {
        const f = firstFriday(y, m);
        if (previous <= f && f < session) return true;
      }
    }
  }
  return false;
}
