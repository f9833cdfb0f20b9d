import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import { parsePeriod, periodExtremeFacts } from '../../src/analytics/extremes/periodExtreme.js';
import { BarColumns } from '../../src/analytics/series/BarColumns.js';

const cols = BarColumns.fromBars(
  [['2024-03-01', 90], ['2024-10-07', 120], ['2024-12-30', 100], ['2025-02-07', 114]].map(([d, c]) => ({
    date: d as SessionDate, open: c as number, high: c as number, low: c as number, close: c as number, adjClose: null, volume: null,
  })),
);

describe('distance to the high and low of a named period', () => {
  it('measures the close against the 2024 high and low close, with their dates', () => {
    const [hi, lo] = periodExtremeFacts(cols, 3, parsePeriod('2024'));
    // 114 / 120 - 1 = -0.05 -> 5% below the 2024 high; 114 / 90 - 1 = +26.67% above the 2024 low
    expect(hi).toMatchObject({ type: 'period_high', period: '2024', value: 120, reference: { date: '2024-10-07', value: 120 } });
    expect(hi?.changePct).toBeCloseTo(-5, 10);
    expect(lo?.changePct).toBeCloseTo((114 / 90 - 1) * 100, 10);
    expect(hi?.detail).toEqual({ firstSession: '2024-03-01', lastSession: '2024-12-30' });
  });
  it('counts only sessions up to the one asked for, and says nothing for an empty period', () => {
    expect(periodExtremeFacts(cols, 1, parsePeriod('2024-01-01..2024-12-31'))[0]?.value).toBe(120);
    expect(periodExtremeFacts(cols, 0, parsePeriod('2024-10'))).toEqual([]);
  });
  it('rejects a period it cannot read', () => {
    expect(() => parsePeriod('last year')).toThrow('--period: value "last year" expected YYYY, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD');
    expect(() => parsePeriod('2024-12-31..2024-01-01')).toThrow();
  });
});
