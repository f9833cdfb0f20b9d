import { kahanSum } from '../../core/numbers.js';

/**
 * Makes `parts` add up to `total`: the residual between `total` and the compensated sum of the parts is added to
 * the part of largest magnitude (lowest index on ties), so the assignment is deterministic. Mutates `parts`.
 * Units are whatever the caller uses (index points for contributions).
 * @example const p = [0.1, 0.2]; assignResidual(p, 0.30000000000000004); // p sums to the total
 */
export function assignResidual(parts: Float64Array | number[], total: number): void {
  if (parts.length === 0) return;
  let big = 0;
  for (let i = 1; i < parts.length; i++) if (Math.abs(parts[i] as number) > Math.abs(parts[big] as number)) big = i;
  for (let round = 0; round < 3; round++) {
    const r = total - kahanSum(parts);
    if (r === 0) return;
    parts[big] = (parts[big] as number) + r;
  }
}
