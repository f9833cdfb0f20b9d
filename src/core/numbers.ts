/** Number helpers. Maths is done in doubles; rounding happens only in formatters (see format.ts). */

/** True for a finite number. */
export const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Fractional change `b / a - 1` (0.029 means +2.9%). */
export function fractionChange(from: number, to: number): number {
  return to / from - 1;
}

/** Fraction to percent (0.029 -> 2.9). */
export const toPct = (fraction: number): number => fraction * 100;

/** Relative difference |a-b| / max(|a|,|b|,tiny). */
export function relDiff(a: number, b: number): number {
  const m = Math.max(Math.abs(a), Math.abs(b), 1e-300);
  return Math.abs(a - b) / m;
}

/** Neumaier compensated sum: exact enough that contributions add up to the move. */
export function kahanSum(xs: ArrayLike<number>): number {
  let sum = 0, c = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) c += sum - t + x;
    else c += x - t + sum;
    sum = t;
  }
  return sum + c;
}
