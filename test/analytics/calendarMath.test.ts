import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, weekKey, yearOfDay } from '../../src/analytics/series/BarsView.js';

describe('day-number calendar helpers', () => {
  it('yearOfDay agrees with Date for every day from 1900 to 2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2199-12-31') }), (d) => {
        expect(yearOfDay(d)).toBe(new Date(d * 86_400_000).getUTCFullYear());
      }),
    );
    expect(yearOfDay(dayNumber('2024-12-31'))).toBe(2024);
    expect(yearOfDay(dayNumber('2025-01-01'))).toBe(2025);
  });
  it('weekKey is the Monday of the ISO week', () => {
    // 2025-02-07 is a Friday: its week starts Monday 2025-02-03
    expect(weekKey(dayNumber('2025-02-07'))).toBe(dayNumber('2025-02-03'));
    expect(weekKey(dayNumber('2025-02-09'))).toBe(dayNumber('2025-02-03')); // Sunday
    expect(weekKey(dayNumber('2025-02-10'))).toBe(dayNumber('2025-02-10'));
    expect(weekKey(dayNumber('1969-12-29'))).toBe(dayNumber('1969-12-29')); // before the epoch (negative days)
  });
});
