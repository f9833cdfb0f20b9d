/** HKEX spread table (Part A): [upper price bound inclusive, tick size] in HKD. */
const SPREADS: ReadonlyArray<readonly [number, number]> = [
  [0.25, 0.001], [0.5, 0.005], [10, 0.01], [20, 0.02], [100, 0.05], [200, 0.1], [500, 0.2], [1000, 0.5],
  [2000, 1], [5000, 2], [9995, 5],
];

/**
 * Rounds a price to the nearest HKEX tick for its band (e.g. 123.456 -> 123.5, tick 0.1), never below one tick.
 * Returns a double with at most 3 decimals.
 * @throws RangeError for a non-finite or non-positive price.
 * @example roundToHkTick(123.456) // 123.5
 */
export function roundToHkTick(price: number): number {
  if (!Number.isFinite(price) || price <= 0) throw new RangeError(`price must be positive and finite: ${price}`);
  let tick = 5;
  for (const [upper, t] of SPREADS) {
    if (price <= upper) {
      tick = t;
      break;
    }
  }
  const ticks = Math.max(1, Math.round(price / tick));
  return Number((ticks * tick).toFixed(3));
}
