import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { TokenBucket } from './tokenBucket.js';

describe('TokenBucket', () => {
  it('allows a burst of capacity, then refills at the rate', () => {
    const clock = new ManualClock(0);
    const tb = new TokenBucket({ capacity: 2, refillPerSec: 4 }, clock);
    expect(tb.take('a')).toEqual({ allowed: true, remaining: 1, retryAfterSec: 0 });
    expect(tb.take('a')).toEqual({ allowed: true, remaining: 0, retryAfterSec: 0 });
    expect(tb.take('a').allowed).toBe(false);
    expect(tb.take('b').allowed).toBe(true); // keys are independent
    clock.advance(250); // 0.25 s * 4/s = 1 token
    expect(tb.take('a').allowed).toBe(true);
    expect(tb.take('a').allowed).toBe(false);
    clock.advance(10_000); // refills to capacity 2, never beyond
    expect([tb.take('a').allowed, tb.take('a').allowed, tb.take('a').allowed]).toEqual([true, true, false]);
  });

  it('rejects a non-positive capacity or rate', () => {
    expect(() => new TokenBucket({ capacity: 0, refillPerSec: 1 }, new ManualClock())).toThrow(RangeError);
    expect(() => new TokenBucket({ capacity: 1, refillPerSec: Number.NaN }, new ManualClock())).toThrow(RangeError);
  });

  it('keeps at most maxKeys keys, dropping full buckets first', () => {
    const clock = new ManualClock(0);
    const tb = new TokenBucket({ capacity: 5, refillPerSec: 1, maxKeys: 3 }, clock);
    for (const k of ['a', 'b', 'c', 'd', 'e']) tb.take(k);
    expect(tb.size).toBeLessThanOrEqual(3);
  });

  it('never allows more than capacity + rate x elapsed in any run (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 300 }),
        (capacity, refillPerSec, gapsMs) => {
          const clock = new ManualClock(0);
          const tb = new TokenBucket({ capacity, refillPerSec }, clock);
          let allowed = 0;
          for (const g of gapsMs) {
            clock.advance(g);
            if (tb.take('ip').allowed) allowed++;
          }
          const elapsedSec = clock.nowMs() / 1000;
          return allowed <= capacity + refillPerSec * elapsedSec + 1e-9;
        },
      ),
    );
  });
});
