/** Seeded pseudo-random numbers (mulberry32) for simulations and replays: same seed, same numbers. */
export class SeededRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Standard normal (Box-Muller). */
  normal(): number {
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Student-t with `df` degrees of freedom, scaled to unit variance (fat tails). */
  studentT(df: number): number {
    const z = this.normal();
    let chi = 0;
    for (let i = 0; i < df; i++) chi += this.normal() ** 2;
    const t = z / Math.sqrt(chi / df);
    return df > 2 ? t * Math.sqrt((df - 2) / df) : t;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
}
