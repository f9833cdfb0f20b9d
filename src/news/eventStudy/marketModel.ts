import { InputError, NotEnoughDataError } from '../../core/errors.js';

/** Market model R_i = alpha + beta R_m + e fitted by OLS (MacKinlay 1997, eq. 7-10). */
export interface MarketModelFit {
  /** Intercept, a daily return fraction. */
  readonly alpha: number;
  readonly beta: number;
  /** Residual variance sigma^2 = SSR / (L - 2), in squared return fractions. */
  readonly residualVariance: number;
  /** Number of estimation returns L. */
  readonly sessions: number;
  /** Mean benchmark return over the estimation window. */
  readonly marketMean: number;
  /** Sum of squared deviations of the benchmark returns, Sxx. */
  readonly marketSxx: number;
  readonly rSquared: number;
}

/** Sxx below this fraction of the benchmark's mean square is rounding noise: the benchmark is constant. */
export const NEARLY_CONSTANT = 1e-12;
/** Residuals below this fraction of the stock's variation are rounding noise: a perfect fit, residual variance 0. */
export const PERFECT_FIT = 1e-24;

/**
 * Fits the market model by ordinary least squares. A residual sum of squares below PERFECT_FIT of the stock's
 * variation is a perfect fit (residual variance exactly 0).
 * @example fitMarketModel([0.02, 0.00, 0.04], [0.01, 0.00, 0.02]) // alpha 0, beta 2, residualVariance 0
 * @throws NotEnoughDataError with fewer than 3 returns; RangeError when lengths differ; InputError when the benchmark's
 *   returns are constant, exactly or within NEARLY_CONSTANT (relative).
 */
export function fitMarketModel(stock: readonly number[], market: readonly number[]): MarketModelFit {
  if (stock.length !== market.length) throw new RangeError(`lengths differ: ${stock.length} vs ${market.length}`);
  const n = stock.length;
  if (n < 3) throw new NotEnoughDataError('market model estimation window (returns)', 3, n);
  let sx = 0, sy = 0;
  for (let i = 0; i < n; i++) { sx += market[i]!; sy += stock[i]!; }
  const mx = sx / n, my = sy / n;
  let sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = market[i]! - mx, dy = stock[i]! - my;
    sxx += dx * dx; sxy += dx * dy; syy += dy * dy;
  }
  // relative, not exact: returns of 0.1% every day leave a rounding-level Sxx (1e-33) and a beta of 4.8e12
  let sxx0 = 0;
  for (let i = 0; i < n; i++) sxx0 += market[i]! * market[i]!;
  if (!(sxx > NEARLY_CONSTANT * sxx0) || sxx === 0) {
    throw new InputError({
      source: 'event study', field: 'benchmark',
      reason: `returns are constant over the estimation window (variance ${(sxx / n).toExponential(2)} against a mean square of ${(sxx0 / n).toExponential(2)}): no beta can be estimated; choose another benchmark or window`,
    });
  }
  const beta = sxy / sxx;
  const alpha = my - beta * mx;
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    const e = stock[i]! - alpha - beta * market[i]!;
    ssr += e * e;
  }
  const perfect = ssr <= PERFECT_FIT * syy;
  return {
    alpha, beta, residualVariance: perfect ? 0 : ssr / (n - 2), sessions: n, marketMean: mx, marketSxx: sxx,
    rSquared: syy === 0 ? 1 : 1 - ssr / syy,
  };
}
