/**
 * A GARCH(1,1) variance process: `var_t = omega + alpha * shock_{t-1}^2 + beta * var_{t-1}`, with
 * `omega = longRunVar * (1 - alpha - beta)`. Volatility clusters: a big shock raises tomorrow's variance.
 * Units: returns and volatilities are daily fractions (0.014 = 1.4% a day).
 * @throws RangeError unless alpha, beta >= 0 and alpha + beta < 1 and the long-run volatility is positive.
 * @example const g = new Garch11(0.014, 0.08, 0.9); const sd = g.volatility(); g.update(0.03);
 */
export class Garch11 {
  private variance: number;
  private readonly omega: number;
  constructor(
    longRunVolatility: number,
    private readonly alpha: number,
    private readonly beta: number,
  ) {
    if (!(longRunVolatility > 0) || alpha < 0 || beta < 0 || alpha + beta >= 1) {
      throw new RangeError(`GARCH(1,1) needs vol > 0, alpha, beta >= 0, alpha + beta < 1: ${longRunVolatility}, ${alpha}, ${beta}`);
    }
    this.variance = longRunVolatility ** 2;
    this.omega = this.variance * (1 - alpha - beta);
  }
  /** Today's conditional volatility (daily fraction). */
  volatility(): number {
    return Math.sqrt(this.variance);
  }
  /** Feeds today's shock (return minus its mean) and moves to tomorrow's variance. */
  update(shock: number): void {
    this.variance = this.omega + this.alpha * shock * shock + this.beta * this.variance;
  }
}
