import { formatInputIssue } from '../core/errors.js';
import { isSessionDate } from '../core/units.js';
import type { Bar } from '../domain/bar.js';

/**
 * Checks a batch of bars before it is stored: valid `YYYY-MM-DD` dates, strictly ascending (unique);
 * finite positive open/high/low/close with `low <= min(open, close)` and `max(open, close) <= high`;
 * `adjClose` positive or null; `volume` finite, non-negative or null.
 * Returns one message per bad bar, its first problem (empty when the batch is good). Pure.
 * @example validateBars([{date: '2025-01-02', open: 1, high: 0.5, low: 1, close: 1, adjClose: null, volume: null}], 'X', 'x.csv')
 * // ['x.csv: X 2025-01-02: field "high": value "0.5" below low 1']
 */
export function validateBars(bars: readonly Bar[], symbol: string, source: string): string[] {
  const out: string[] = [];
  let prev: string | null = null;
  for (const b of bars) {
    const problem = firstProblem(b, prev);
    if (problem) out.push(formatInputIssue({ source: `${source}: ${symbol} ${b.date}`, ...problem }));
    if (typeof b.date === 'string' && isSessionDate(b.date)) prev = b.date;
  }
  return out;
}

const PRICES = ['open', 'high', 'low', 'close'] as const;

/** The first thing wrong with `b` (date, prices, high/low, adjClose, volume), or null. */
function firstProblem(b: Bar, prev: string | null): { field: string; value: string; reason: string } | null {
  const p = (field: string, value: unknown, reason: string) => ({ field, value: String(value), reason });
  if (typeof b.date !== 'string' || !isSessionDate(b.date)) return p('date', b.date, 'not a date (YYYY-MM-DD)');
  if (prev !== null && b.date <= prev) return p('date', b.date, b.date === prev ? 'duplicate date' : `out of order after ${prev}`);
  for (const k of PRICES) {
    const v = b[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return p(k, v, 'price must be a positive finite number');
  }
  if (b.high < b.low) return p('high', b.high, `below low ${b.low}`);
  if (b.high < Math.max(b.open, b.close) || b.low > Math.min(b.open, b.close)) {
    return p('high', b.high, `high/low ${b.high}/${b.low} do not bracket open ${b.open} and close ${b.close}`);
  }
  if (b.adjClose !== null && !(Number.isFinite(b.adjClose) && b.adjClose > 0)) return p('adjClose', b.adjClose, 'must be positive or null');
  if (b.volume !== null && !(Number.isFinite(b.volume) && b.volume >= 0)) return p('volume', b.volume, 'must be non-negative or null');
  return null;
}
