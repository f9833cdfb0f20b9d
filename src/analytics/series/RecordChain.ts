/**
 * Streaming "most recent earlier element at least as high" (the since-queries of the streaming face).
 * Each pushed element keeps a link to the most recent earlier element with a value >= its own, so a query
 * jumps over whole runs of lower values: pushes are amortised O(1) (each link is followed once before it is
 * hidden, as in a monotone stack) and nothing is ever deleted, so a provisional query never changes state.
 * For "at least as low", push and query negated values.
 */
export class RecordChain {
  private cap = 64;
  private n = 0;
  private vals = new Float64Array(this.cap);
  private prev = new Int32Array(this.cap);
  private tags = new Int32Array(this.cap);

  get length(): number {
    return this.n;
  }
  /** Tag (caller's payload, e.g. a bar index) of element `k`. */
  tag(k: number): number {
    return this.tags[k] as number;
  }
  value(k: number): number {
    return this.vals[k] as number;
  }

  /**
   * Position of the most recent element with value >= x (or > x when `strict`), -1 when none.
   * Reads only; O(length of the record chain walked).
   */
  find(x: number, strict = false): number {
    let k = this.n - 1;
    if (strict) while (k >= 0 && (this.vals[k] as number) <= x) k = this.prev[k] as number;
    else while (k >= 0 && (this.vals[k] as number) < x) k = this.prev[k] as number;
    return k;
  }

  /** Appends an element with its tag. */
  push(x: number, tag: number): void {
    if (this.n === this.cap) this.grow();
    const p = this.find(x);
    this.vals[this.n] = x;
    this.prev[this.n] = p;
    this.tags[this.n] = tag;
    this.n++;
  }

  private grow(): void {
    this.cap *= 2;
    const v = new Float64Array(this.cap);
    v.set(this.vals);
    this.vals = v;
    const p = new Int32Array(this.cap);
    p.set(this.prev);
    this.prev = p;
    const t = new Int32Array(this.cap);
    t.set(this.tags);
    this.tags = t;
  }
}
