import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capWeights } from '../../src/engine/weights/capWeights.js';

describe('capWeights (iterative redistribution)', () => {
  it('caps {.6,.2,.2} at .5 to .5/.25/.25', () => {
    // excess .1 goes to B and C pro rata to .2/.4 each: .2 + .1 x .5 = .25
    const w = capWeights([0.6, 0.2, 0.2], 0.5);
    expect(w[0]).toBeCloseTo(0.5, 15);
    expect(w[1]).toBeCloseTo(0.25, 15);
    expect(w[2]).toBeCloseTo(0.25, 15);
  });

  it('needs a second round when redistribution pushes another name over the cap', () => {
    // round 1: .5 -> .3; excess 1 - .3 = .7 over originals .3,.1,.05,.05 (sum .5): .42, .14, .07, .07
    // round 2: .42 > .3 -> capped; excess 1 - .6 = .4 over .1,.05,.05 (sum .2): .2, .1, .1
    const w = capWeights([0.5, 0.3, 0.1, 0.05, 0.05], 0.3);
    [0.3, 0.3, 0.2, 0.1, 0.1].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 14));
  });

  it('normalises raw values first (market caps in HKD are fine)', () => {
    // 600 / 1000 = .6 etc.
    expect(capWeights([600, 200, 200], 0.5).map((x) => +x.toFixed(12))).toEqual([0.5, 0.25, 0.25]);
  });

  it('rejects an infeasible cap with a clear error', () => {
    // 3 names x .3 = .9 < 1: no weights can sum to 1
    expect(() => capWeights([0.5, 0.3, 0.2], 0.3)).toThrow('capWeights: field "weighting.cap": value "0.3" infeasible: 3 constituents x cap 0.3 = 0.9 < 1');
  });

  it('rejects negative weights', () => {
    expect(() => capWeights([0.5, -0.1], 0.6)).toThrow('capWeights: field "weights": value "-0.1" must be finite and >= 0');
  });

  it('property: capped weights sum to 1 and none exceeds a feasible cap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (raw, c) => {
          const cap = Math.max(c, 1 / raw.length);
          const w = capWeights(raw, cap);
          const sum = w.reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
          for (const x of w) expect(x).toBeLessThanOrEqual(cap + 1e-12);
          // order is preserved: a bigger raw value never gets a smaller capped weight
          for (let i = 0; i < raw.length; i++) for (let j = 0; j < raw.length; j++) if (raw[i]! > raw[j]!) expect(w[i]! + 1e-12).toBeGreaterThanOrEqual(w[j]!);
        },
      ),
      { numRuns: 300 },
    );
  });
});
