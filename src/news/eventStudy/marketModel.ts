import { NotEnoughDataError } from '../../core/errors.js';

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

/**
 * Fits the market model by ordinary least squares.
 * @example fitMarketModel([0.02, 0.00, 0.04], [0.01, 0.00, 0.02]) // alpha 0, beta 2, residualVariance 0
 * @throws NotEnoughDataError with fewer than 3 returns; RangeError when lengths differ or the benchmark is constant.
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
  if (sxx === 0) throw new RangeError('benchmark returns are constant over the estimation window');
  const beta = sxy / sxx;
  const alpha = my - beta * mx;
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    const e = stock[i]! - alpha - beta * market[i]!;
    ssr += e * e;
  }
  return {
    alpha, beta, residualVariance: ssr / (n - 2), sessions: n, marketMean: mx, marketSxx: sxx,
    rSquared: syy === 0 ? 1 : 1 - ssr / syy,
  };
}
