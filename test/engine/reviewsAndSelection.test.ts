import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, type SessionDate } from '../../src/core/units.js';
import { firstFriday, isReviewSession } from '../../src/engine/review/isReviewSession.js';
import { selectConstituents } from '../../src/engine/selection/selectConstituents.js';
import { sym } from './helpers.js';

/** Weekdays from `from` to `to` (holidays do not matter for these dates). */
function weekdays(from: string, to: string): SessionDate[] {
  const out: SessionDate[] = [];
  for (let d = from as SessionDate; d <= to; d = addDays(d, 1)) if (isoWeekday(d) <= 5) out.push(d);
  return out;
}

describe('review schedule', () => {
  it('finds the first Friday of a month', () => {
    expect(firstFriday(2024, 12)).toBe('2024-12-06'); // 2024-12-01 is a Sunday: +5 days
    expect(firstFriday(2025, 3)).toBe('2025-03-07');
    expect(firstFriday(2024, 11)).toBe('2024-11-01'); // already a Friday
  });

  it('HSIL quarterly: the first session after the first Friday of Mar/Jun/Sep/Dec, as in hstech_members.csv', () => {
    const rule = { rule: 'hsil-quarterly' as const, months: [3, 6, 9, 12], dates: [] };
    const s = weekdays('2024-08-01', '2025-12-31');
    const reviews = s.filter((d, i) => isReviewSession(rule, s[i - 1] ?? null, d));
    expect(reviews).toEqual(['2024-09-09', '2024-12-09', '2025-03-10', '2025-06-09', '2025-09-08', '2025-12-08']);
  });

  it('a holiday on the Monday moves the review to the next session', () => {
    const rule = { rule: 'hsil-quarterly' as const, months: [12], dates: [] };
    expect(isReviewSession(rule, '2024-12-06' as SessionDate, '2024-12-10' as SessionDate)).toBe(true);
    expect(isReviewSession(rule, '2024-12-10' as SessionDate, '2024-12-11' as SessionDate)).toBe(false);
  });

  it('explicit dates take effect at the first session on or after the date', () => {
    const rule = { rule: 'none' as const, months: [], dates: ['2025-01-04' as SessionDate] }; // a Saturday
    expect(isReviewSession(rule, '2025-01-03' as SessionDate, '2025-01-06' as SessionDate)).toBe(true);
    expect(isReviewSession(rule, '2025-01-06' as SessionDate, '2025-01-07' as SessionDate)).toBe(false);
  });
});

describe('selection with a buffer zone', () => {
  const cands = ['A', 'B', 'C', 'D', 'E'].map((s, i) => ({ symbol: sym(s), value: 100 - i * 10 })); // ranks 1..5
  it('takes the top N without members', () => {
    expect(selectConstituents(cands, new Set(), { count: 3 })).toEqual(['A', 'B', 'C']);
  });
  it('keeps a member ranked inside keepRank over a non-member outside addRank', () => {
    // D (rank 4) is a member and 4 <= keepRank 4; C (rank 3) is not and 3 > addRank 2
    expect(selectConstituents(cands, new Set([sym('A'), sym('B'), sym('D')]), { count: 3, buffer: { addRank: 2, keepRank: 4 } })).toEqual(['A', 'B', 'D']);
  });
  it('drops a member ranked outside keepRank', () => {
    // E (rank 5) > keepRank 4: C, next by rank, takes its place
    expect(selectConstituents(cands, new Set([sym('A'), sym('B'), sym('E')]), { count: 3, buffer: { addRank: 2, keepRank: 4 } })).toEqual(['A', 'B', 'C']);
  });
});
