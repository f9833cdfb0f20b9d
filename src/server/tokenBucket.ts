import type { Clock } from '../core/clock.js';

export interface TokenBucketOptions {
  /** Burst size: requests allowed at once from one key. */
  readonly capacity: number;
  /** Tokens added per second (the sustained request rate per key). */
  readonly refillPerSec: number;
  /** Keys kept at most; full buckets are dropped first when exceeded (bounds memory). Default 10,000. */
  readonly maxKeys?: number;
}

export interface TakeResult {
  readonly allowed: boolean;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** Seconds until one token is available again (0 when allowed). */
  readonly retryAfterSec: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * A token bucket per key (client IP): each key starts full with `capacity` tokens and regains
 * `refillPerSec` per second up to `capacity`; a request costs one token. Time comes from the clock.
 * @throws RangeError when capacity or refillPerSec is not positive.
 * @example const tb = new TokenBucket({capacity: 2, refillPerSec: 1}, clock); tb.take('ip').allowed // true
 */
export class TokenBucket {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxKeys: number;

  constructor(
    private readonly opts: TokenBucketOptions,
    private readonly clock: Clock,
  ) {
    if (!(opts.capacity > 0) || !(opts.refillPerSec > 0)) {
      throw new RangeError(`token bucket needs capacity > 0 and refillPerSec > 0, got ${opts.capacity}, ${opts.refillPerSec}`);
    }
    this.maxKeys = opts.maxKeys ?? 10_000;
  }

  /** Takes one token for `key`. */
  take(key: string): TakeResult {
    const nowMs = this.clock.nowMs();
    let b = this.buckets.get(key);
    if (b === undefined) {
      if (this.buckets.size >= this.maxKeys) this.evict(nowMs);
      b = { tokens: this.opts.capacity, updatedMs: nowMs };
      this.buckets.set(key, b);
    } else {
      this.refill(b, nowMs);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { allowed: true, remaining: Math.floor(b.tokens), retryAfterSec: 0 };
    }
    return { allowed: false, remaining: 0, retryAfterSec: Math.ceil((1 - b.tokens) / this.opts.refillPerSec) };
  }

  /** Keys currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  private refill(b: Bucket, nowMs: number): void {
    const elapsedSec = Math.max(0, nowMs - b.updatedMs) / 1000;
    b.tokens = Math.min(this.opts.capacity, b.tokens + elapsedSec * this.opts.refillPerSec);
    b.updatedMs = nowMs;
  }

  /** Drops buckets that have refilled to full (they behave exactly like a new key); then the oldest. */
  private evict(nowMs: number): void {
    for (const [k, b] of this.buckets) {
      this.refill(b, nowMs);
      if (b.tokens >= this.opts.capacity) this.buckets.delete(k);
    }
    while (this.buckets.size >= this.maxKeys) {
      const first = this.buckets.keys().next();
      if (first.done) break;
      this.buckets.delete(first.value);
    }
  }
}
