import type { SessionDate } from './units.js';

/**
 * An integer that orders like the `YYYY-MM-DD` string ((year x 13 + month) x 32 + day), read from char codes:
 * comparing ints is much cheaper than comparing strings in the hot merge loops.
 * @example dayKey('2025-02-07') < dayKey('2025-02-10') // true
 */
export function dayKey(d: string): number {
  // No inner closure here: tsx/esbuild wraps closures with a naming helper, which is slow in a hot loop.
  const y = (d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10 + (d.charCodeAt(3) - 48);
  const m = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  return (y * 13 + m) * 32 + (d.charCodeAt(8) - 48) * 10 + (d.charCodeAt(9) - 48);
}

/** The key of year, month (1..12) and day, as {@link dayKey} gives for their `YYYY-MM-DD`. */
export function dayKeyOf(year: number, month: number, day: number): number {
  return (year * 13 + month) * 32 + day;
}

/**
 * The `YYYY-MM-DD` date of a {@link dayKey} (years 0..9999).
 * @example dateOfDayKey(dayKey('2025-02-07')) // '2025-02-07'
 */
export function dateOfDayKey(k: number): SessionDate {
  const d = k % 32;
  const ym = (k - d) / 32;
  const m = ym % 13;
  const y = (ym - m) / 13;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` as SessionDate;
}
