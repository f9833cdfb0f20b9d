import { expect, it } from 'vitest';
import { asSecurityId, type SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import { DuckDbBarStore } from '../../src/store/duckdb/DuckDbBarStore.js';
import { dayText } from '../../src/store/duckdb/readBarChunks.js';

it('dayText writes the date of a day number as DuckDB CAST(date AS VARCHAR) does', () => {
  expect(dayText(0)).toBe('1970-01-01');
  expect(dayText(-1)).toBe('1969-12-31');
  // 2025-01-01 is day 55 * 365 + 14 leap days (1972, 1976, ..., 2024) = 20,089; February 7 is 31 + 6 days later
  expect(dayText(20_089 + 37)).toBe('2025-02-07');
});

it('reads bars across DuckDB chunks (2,048 rows each) and a symbol change inside a chunk, nulls kept', async () => {
  const store = await DuckDbBarStore.open(':memory:');
  try {
    // A: 3,000 days from 2000-01-01, B: 1,500; 4,500 rows in symbol order: chunk 1 = A[0..2047], chunk 2 = A[2048..2999]
    // then B[0..1095] (A ends inside it), chunk 3 = B[1096..1499]
    const series = (n: number, base: number): Bar[] => Array.from({ length: n }, (_, i) => ({
      date: dayText(10_957 + i), open: base + i, high: base + i + 1, low: base + i - 0.5, close: base + i + 0.25,
      adjClose: i % 7 === 0 ? null : base + i, volume: i % 11 === 0 ? null : 1000 + i,
    }));
    const A = asSecurityId('A.HK'), B = asSecurityId('B.HK');
    const a = series(3000, 10), b = series(1500, 500);
    await store.putBars(A, a, 'test');
    await store.putBars(B, b, 'test');
    expect(a[0]?.date).toBe('2000-01-01'); // day 10,957 = 30 years of 365 days + 7 leap days (1972..1996)
    const many = await store.getBarsMany([B, A]);
    expect([...many.keys()]).toEqual([A, B]); // symbol order, whatever the order asked
    expect(many.get(A)).toEqual(a);
    expect(many.get(B)).toEqual(b);
    expect(await store.getBars(B, b[100]?.date as SessionDate, b[102]?.date as SessionDate)).toEqual(b.slice(100, 103));
    expect((await store.lastBars([A, B], a[2999]?.date as SessionDate, 2)).get(B)).toEqual(b.slice(-2));
  } finally {
    await store.close();
  }
});
