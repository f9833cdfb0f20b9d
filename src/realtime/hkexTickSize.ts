/** HKEX spread table part A (HKD): [upper bound of the price band, tick size]. */
const BANDS: readonly (readonly [number, number])[] = [
  [0.25, 0.001], [0.5, 0.005], [10, 0.01], [20, 0.02], [100, 0.05], [200, 0.1], [500, 0.2], [1000, 0.5],
  [2000, 1], [5000, 2], [9995, 5],
];

/**
 * The minimum price step on HKEX for a price (HKD), from the spread table.
 * @example hkexTickSize(412.3) // 0.2
 */
export function hkexTickSize(price: number): number {
  for (const [upTo, step] of BANDS) if (price <= upTo) return step;
  return 5;
}

/** `price` rounded to the nearest HKEX tick (decimal-safe for the table's steps). */
export function roundToHkexTick(price: number): number {
  const step = hkexTickSize(price);
  const n = Math.round(price / step);
  return Number((n * step).toFixed(3));
}
