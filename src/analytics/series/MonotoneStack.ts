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
    // Fast path: the most recent element passes (about half of all queries on a random walk).
    const t = this.top - 1;
    if (t >= 0 && (strict ? (this.vals[t] as number) > x : (this.vals[t] as number) >= x)) return this.tags[t] as number;
    // Values decrease from 0 to top-1: find the last position whose value passes.
    let lo = 0, hi = this.top; // answer in [lo, hi): first failing position
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.vals[mid] as number;
      if (strict ? v > x : v >= x) lo = mid + 1;
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
