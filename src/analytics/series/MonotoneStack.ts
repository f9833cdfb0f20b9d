/**
 * Batch "most recent earlier element at least as high", a different algorithm from RecordChain on purpose
 * (the contract test compares the two faces): a stack of the elements not hidden by a later element at least
 * as high, values strictly decreasing from bottom to top, queried by binary search in O(log n).
 * For "at least as low", push and query negated values.
 */
export class MonotoneStack {
  private vals: Float64Array;
  private tags: Int32Array;
  private top = 0;

  constructor(capacity: number) {
    this.vals = new Float64Array(Math.max(1, capacity));
    this.tags = new Int32Array(Math.max(1, capacity));
  }

  /** Empties the stack (capacity kept), for reuse across series. */
  clear(): void {
    this.top = 0;
  }

  /** Tag of the most recent element with value >= x (> x when `strict`), or -1 when none. */
  find(x: number, strict = false): number {
    return strict ? this.findAbove(x) : this.findAtLeast(x);
  }

  /**
   * Tag of the most recent element with value >= x, or -1. Walks down from the top for a few steps first (the
   * answer is usually one of the most recent elements, and a walk mispredicts one branch where a binary search
   * mispredicts one per halving), then searches the rest by halving: O(log n) in the worst case.
   */
  private findAtLeast(x: number): number {
    const vals = this.vals;
    let t = this.top - 1;
    const stop = t - 6;
    for (; t >= 0 && t > stop; t--) if ((vals[t] as number) >= x) return this.tags[t] as number;
    if (t < 0) return -1;
    // Values decrease from 0 to top-1: the last position in [0, t] whose value passes.
    let lo = 0, hi = t + 1; // answer in [lo, hi): first failing position
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((vals[mid] as number) >= x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? -1 : (this.tags[lo - 1] as number);
  }

  /** As findAtLeast, with value > x. */
  private findAbove(x: number): number {
    const vals = this.vals;
    let t = this.top - 1;
    const stop = t - 6;
    for (; t >= 0 && t > stop; t--) if ((vals[t] as number) > x) return this.tags[t] as number;
    if (t < 0) return -1;
    let lo = 0, hi = t + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((vals[mid] as number) > x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? -1 : (this.tags[lo - 1] as number);
  }

  /** Appends an element: every element at most as high is hidden for good. */
  push(x: number, tag: number): void {
    while (this.top > 0 && (this.vals[this.top - 1] as number) <= x) this.top--;
    if (this.top === this.vals.length) {
      const v = new Float64Array(this.vals.length * 2);
      v.set(this.vals);
      this.vals = v;
      const t = new Int32Array(this.tags.length * 2);
      t.set(this.tags);
      this.tags = t;
    }
    this.vals[this.top] = x;
    this.tags[this.top] = tag;
    this.top++;
  }
}
