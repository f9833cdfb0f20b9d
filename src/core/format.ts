/**
 * The one place where numbers are rounded for people. Everything else keeps doubles.
 */

/** Round half away from zero at `dp` decimals, robust to binary representation (1.005 -> 1.01). */
export function roundHalfUp(x: number, dp: number): number {
  if (!Number.isFinite(x)) return x;
  // Shift by decimal exponent in the string form, so 1.005 is 1.005 and not 1.00499999...
  const shifted = Math.round(Number(`${Math.abs(x)}e${dp}`));
  return Math.sign(x) * Number(`${shifted}e-${dp}`);
}

/** `5150.35` -> `5,150.35` (en) with fixed decimals. */
export function formatNumber(x: number, dp: number, locale = 'en-US'): string {
  return roundHalfUp(x, dp).toLocaleString(locale, { minimumFractionDigits: dp, maximumFractionDigits: dp });
}

/** Percent points to text: `2.86` -> `2.9%` at dp=1. Input is in percent. */
export function formatPct(pct: number, dp = 1, locale = 'en-US'): string {
  return `${formatNumber(pct, dp, locale)}%`;
}

/** Signed percent: `+1.8%` / `-0.4%`. Input is in percent. */
export function formatSignedPct(pct: number, dp = 1, locale = 'en-US'): string {
  const r = roundHalfUp(pct, dp);
  const s = formatNumber(Math.abs(r), dp, locale);
  return `${r > 0 ? '+' : r < 0 ? '-' : ''}${s}%`;
}
