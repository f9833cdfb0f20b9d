import { kahanSum } from '../../core/numbers.js';

/**
 * Makes `parts` add up to `total`: the residual between `total` and the compensated sum of the parts is added to
 * the part of largest magnitude (lowest index on ties; the next largest if rounding still leaves an ulp), so the
 * assignment is deterministic. Mutates `parts`.
 * Units are whatever the caller uses (index points for contributions).
 * @example const p = [0.1, 0.2]; assignResidual(p, 0.30000000000000004); // p sums to the total
 */
export function assignResidual(parts: Float64Array | number[], total: number): void {
  if (parts.length === 0) return;
  // Candidates: the largest parts first (index order on ties); the first one that makes the sum exact wins.
  const order = Array.from(parts.keys()).sort((a, b) => Math.abs(parts[b] as number) - Math.abs(parts[a] as number) || a - b);
  for (const big of order.slice(0, 8)) {
    for (let round = 0; round < 3; round++) {
      const r = total - kahanSum(parts);
      if (r === 0) return;
      parts[big] = (parts[big] as number) + r;
    }
  }
}
