import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previousAtLeast } from '../../src/analytics/series/previousAtLeast.js';
import { naiveSince } from '../../bench/baselines/naiveDetectors.js';

describe('previousAtLeast', () => {
  it('finds the most recent earlier value at least as high (ties count)', () => {
    // 1 -> none; 1 <= 3 at 0; 2 <= 3 at 0; 3 >= 3 at 0 (tie); 2.5 <= 3 at 3
    expect([...previousAtLeast(Float64Array.of(3, 1, 2, 3, 2.5), 1)]).toEqual([-1, 0, 0, 0, 3]);
    // at least as low: 1 at 1 is the answer for 2; 3 has 2.5? no: 2.5 comes after
    expect([...previousAtLeast(Float64Array.of(3, 1, 2, 3, 2.5), -1)]).toEqual([-1, -1, 1, 2, 2]);
    expect([...previousAtLeast(Float64Array.of(Number.NaN, 2, Number.NaN, 1), 1)]).toEqual([-1, -1, -1, 1]);
  });
  it('agrees with a backward scan on random values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), fc.constantFrom<1 | -1>(1, -1), (xs, sign) => {
        const v = Float64Array.from(xs);
        const got = previousAtLeast(v, sign);
        v.forEach((_, i) => expect(got[i]).toBe(naiveSince(v, i, sign)));
      }),
    );
  });
});
