import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import { dayKey, unionSessions } from '../../src/engine/calc/unionSessions.js';
import { nnls } from '../../src/engine/replica/nnls.js';
import { trackingError } from '../../src/engine/replica/trackingError.js';

describe('nnls (Lawson-Hanson)', () => {
  it('recovers exact non-negative weights', () => {
    // rows x = [1,0],[0,1],[1,1]; b = A [2, 3] = [2, 3, 5]
    const x = nnls([1, 0, 0, 1, 1, 1], [2, 3, 5], 3, 2);
    expect(x[0]).toBeCloseTo(2, 10);
    expect(x[1]).toBeCloseTo(3, 10);
  });
  it('clamps at zero when the unconstrained solution is negative', () => {
    // min (x1 - 1)^2 + (x2 + 1)^2 with x >= 0 -> [1, 0]
    const x = nnls([1, 0, 0, 1], [1, -1], 2, 2);
    expect(x[0]).toBeCloseTo(1, 10); // a 1e-12 relative ridge keeps the normal equations well posed
    expect(x[1]).toBe(0);
  });
  it('property: the solution is non-negative and satisfies the KKT conditions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        let s = seed;
        const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
        const m = 8, n = 4;
        const A = Array.from({ length: m * n }, rnd), b = Array.from({ length: m }, rnd);
        const x = nnls(A, b, m, n);
        const r = b.map((bi, i) => bi - x.reduce((acc, xj, j) => acc + A[i * n + j]! * xj, 0));
        for (let j = 0; j < n; j++) {
          const g = r.reduce((acc, ri, i) => acc + A[i * n + j]! * ri, 0); // gradient of -1/2||r||^2
          expect(x[j]).toBeGreaterThanOrEqual(0);
          if (x[j]! > 1e-9) expect(Math.abs(g)).toBeLessThan(1e-8);
          else expect(g).toBeLessThan(1e-8);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('trackingError', () => {
  it('median and p95 of |daily return error| in bp', () => {
    // index returns +1%, 0%, +2%; reference +1%, +0.1%, +1.5% -> errors 0, 10, 50 bp
    const idx = [100, 101, 101, 103.02].map((level, i) => ({ date: `2025-01-0${i + 2}` as SessionDate, level }));
    const ref = new Map([['2025-01-02', 10], ['2025-01-03', 10.1], ['2025-01-04', 10.1101], ['2025-01-05', 10.2617515]]);
    const t = trackingError(idx, ref, '2025-01-01' as SessionDate, '2025-12-31' as SessionDate);
    expect(t.sessions).toBe(3);
    expect(t.medianBp).toBeCloseTo(10, 6);
    // p95: sorted [0, 10, 50], position 0.95 x 2 = 1.9 -> 10 + 0.9 x 40 = 46
    expect(t.p95Bp).toBeCloseTo(46, 6);
    expect(t.maxDate).toBe('2025-01-05');
  });
});

describe('session union', () => {
  it('orders day keys like the dates', () => {
    expect(dayKey('2024-12-31')).toBeLessThan(dayKey('2025-01-01'));
    expect(dayKey('2025-02-28')).toBeLessThan(dayKey('2025-03-01'));
  });
  it('merges series with dates missing in each', () => {
    const s = (...ds: string[]) => ds.map((date) => ({ date: date as SessionDate }));
    expect(unionSessions([s('2025-01-02', '2025-01-06'), s('2025-01-03', '2025-01-06', '2025-01-07'), s('2025-01-02')])).toEqual([
      '2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07',
    ]);
  });
});
