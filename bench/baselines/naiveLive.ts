/**
 * The naive live index: on every tick, store the price and recompute the whole sum Σ indexShares × price /
 * divisor (O(members) per tick). The baseline of bench/live.bench.ts.
 */
export class NaiveLive {
  private readonly prices: Float64Array;
  private levelNow = 0;
  constructor(
    private readonly shares: Float64Array,
    prices: Float64Array,
    private readonly divisor: number,
  ) {
    this.prices = Float64Array.from(prices);
  }
  apply(i: number, price: number): void {
    this.prices[i] = price;
    let s = 0;
    for (let j = 0; j < this.shares.length; j++) s += (this.shares[j] as number) * (this.prices[j] as number);
    this.levelNow = s / this.divisor;
  }
  level(): number {
    return this.levelNow;
  }
}
