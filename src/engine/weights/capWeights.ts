import { ConfigError } from '../../core/errors.js';

/**
 * Caps weights at `cap` with iterative redistribution (S&P / MSCI style, methodology.md §2.3): names above the
 * cap are set to it, the excess goes to the uncapped names pro rata to their ORIGINAL weights, repeated until none
 * is above the cap. Input weights need not sum to 1 (they are normalised first). Weights and cap are fractions.
 * @example capWeights([0.6, 0.2, 0.2], 0.5) // [0.5, 0.25, 0.25]
 * @throws ConfigError when the cap is infeasible (count x cap < 1) or the weights are not finite/non-negative.
 */
export function capWeights(weights: readonly number[], cap: number, source = 'capWeights'): number[] {
  const field = 'weighting.cap';
  const n = weights.length;
  let total = 0;
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new ConfigError({ source, field: 'weights', value: String(w), reason: 'must be finite and >= 0' });
    total += w;
  }
  if (n === 0 || total <= 0) throw new ConfigError({ source, field: 'weights', reason: 'no positive weight to cap' });
  if (n * cap < 1 - 1e-12) {
    throw new ConfigError({
      source,
      field,
      value: String(cap),
      reason: `infeasible: ${n} constituents x cap ${cap} = ${round(n * cap)} < 1`,
    });
  }
  const w0 = weights.map((w) => w / total);
  const out = w0.slice();
  const capped = new Array<boolean>(n).fill(false);
  const tol = 1e-12;
  for (let round = 0; round <= n; round++) {
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!capped[i] && (out[i] as number) > cap + tol) {
        capped[i] = true;
        any = true;
      }
    }
    if (!any) break;
    let nCapped = 0, freeOriginal = 0;
    for (let i = 0; i < n; i++) {
      if (capped[i]) nCapped++;
      else freeOriginal += w0[i] as number;
    }
    const excess = 1 - nCapped * cap;
    for (let i = 0; i < n; i++) {
      if (capped[i]) out[i] = cap;
      else out[i] = freeOriginal > 0 ? (excess * (w0[i] as number)) / freeOriginal : excess / (n - nCapped);
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
