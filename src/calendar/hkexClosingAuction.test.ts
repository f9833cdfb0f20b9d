import { describe, expect, it } from 'vitest';
import { asSessionDate } from '../core/units.js';
import { hkexClosingAuction } from './hkexClosingAuction.js';
import { createHkexCalendar } from './hkexCalendar.js';
import { withClosingAuction } from './withClosingAuction.js';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('hkexClosingAuction', () => {
  it('is 16:00-16:10 HKT (08:00Z-08:10Z) on a full day', () => {
    const cas = hkexClosingAuction(asSessionDate('2025-02-07'))!;
    expect([iso(cas.startMs), iso(cas.endMs)]).toEqual(['2025-02-07T08:00:00.000Z', '2025-02-07T08:10:00.000Z']);
  });
  it("is 12:00-12:10 HKT (04:00Z-04:10Z) on a half day (Lunar New Year's Eve 2025-01-28)", () => {
    const cas = hkexClosingAuction(asSessionDate('2025-01-28'))!;
    expect([iso(cas.startMs), iso(cas.endMs)]).toEqual(['2025-01-28T04:00:00.000Z', '2025-01-28T04:10:00.000Z']);
  });
  it('is null when the exchange is closed (a Saturday, Lunar New Year)', () => {
    expect(hkexClosingAuction(asSessionDate('2025-02-08'))).toBeNull();
    expect(hkexClosingAuction(asSessionDate('2025-01-29'))).toBeNull();
  });
  it('leaves the calendar hours (continuous trading) as they were', () => {
    const h = createHkexCalendar().sessionHours(asSessionDate('2025-02-07'));
    expect(h.map((i) => [iso(i.startMs), iso(i.endMs)])).toEqual([
      ['2025-02-07T01:30:00.000Z', '2025-02-07T04:00:00.000Z'],
      ['2025-02-07T05:00:00.000Z', '2025-02-07T08:00:00.000Z'],
    ]);
  });
});

describe('withClosingAuction', () => {
  it('extends the last interval to the end of the auction and keeps the lunch break', () => {
    expect(withClosingAuction([{ startMs: 0, endMs: 10 }, { startMs: 20, endMs: 30 }], { startMs: 30, endMs: 35 })).toEqual([
      { startMs: 0, endMs: 10 },
      { startMs: 20, endMs: 35 },
    ]);
  });
  it('gives a copy without an auction or intervals, and does not touch its input', () => {
    const ivs = [{ startMs: 0, endMs: 10 }];
    const out = withClosingAuction(ivs, null);
    expect(out).toEqual(ivs);
    expect(out[0]).not.toBe(ivs[0]);
    expect(withClosingAuction([], { startMs: 0, endMs: 5 })).toEqual([]);
    withClosingAuction(ivs, { startMs: 10, endMs: 20 });
    expect(ivs).toEqual([{ startMs: 0, endMs: 10 }]);
  });
  it('throws when the auction does not follow the last interval', () => {
    expect(() => withClosingAuction([{ startMs: 0, endMs: 10 }], { startMs: 12, endMs: 20 })).toThrow(RangeError);
    expect(() => withClosingAuction([{ startMs: 0, endMs: 10 }], { startMs: 10, endMs: 10 })).toThrow(RangeError);
  });
});
