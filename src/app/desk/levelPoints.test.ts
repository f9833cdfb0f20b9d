import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../core/units.js';
import { levelPointsFromBars } from './levelPoints.js';

const bar = (date: string, close: number, high = close, low = close) =>
  ({ date: date as SessionDate, open: close, high, low, close, adjClose: null, volume: null });

describe('levelPointsFromBars', () => {
  it('gives the change in percent from the previous close and drops flat ranges', () => {
    const p = levelPointsFromBars([bar('2025-02-06', 5059.38), bar('2025-02-07', 5150.35, 5203.93, 5038.31)]);
    expect(p[0]).toEqual({ date: '2025-02-06', level: 5059.38, high: null, low: null, changePct: null });
    // 5150.35 / 5059.38 - 1 = 0.0179804... -> 1.798%
    expect(p[1]?.changePct).toBeCloseTo(1.79804, 4);
    expect([p[1]?.high, p[1]?.low]).toEqual([5203.93, 5038.31]);
  });
});
