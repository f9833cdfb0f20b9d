import { NotEnoughDataError } from '../../core/errors.js';
import type { SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';

/** One session of a series against the previous one. Percentages in percent (2.9 = 2.9%). */
export interface DayMeasures {
  readonly index: number;
  readonly bar: Bar;
  readonly previous: Bar | null;
  readonly changePct: number | null;
  readonly changePoints: number | null;
  /** Session high against the previous close, in percent ("rose as much as"). */
  readonly highPct: number | null;
  /** Session low against the previous close, in percent ("fell as much as"). */
  readonly lowPct: number | null;
}

/**
 * Finds the session `date` in ascending `bars` (binary search) and measures it against the previous bar.
 * @throws NotEnoughDataError when there is no bar on `date`.
 * @example dayMeasures(bars, '2025-02-07').changePct // 1.7978 for HSTECH (5150.35 / 5059.38 - 1)
 */
export function dayMeasures(bars: readonly Bar[], date: SessionDate, what = 'series'): DayMeasures {
  const i = findBarIndex(bars, date);
  if (i < 0) throw new NotEnoughDataError(`a bar of ${what} on ${date}`, 1, 0);
  const bar = bars[i] as Bar;
  const previous = i > 0 ? (bars[i - 1] as Bar) : null;
  if (!previous) return { index: i, bar, previous, changePct: null, changePoints: null, highPct: null, lowPct: null };
  const p = previous.close;
  return {
    index: i,
    bar,
    previous,
    changePct: (bar.close / p - 1) * 100,
    changePoints: bar.close - p,
    highPct: (bar.high / p - 1) * 100,
    lowPct: (bar.low / p - 1) * 100,
  };
}

/** Index of the bar dated `date` in ascending `bars`, or -1. */
export function findBarIndex(bars: readonly Bar[], date: string): number {
  let lo = 0, hi = bars.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = (bars[mid] as Bar).date;
    if (d === date) return mid;
    if (d < date) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The highest close in bars[from, to) with its bar; null when the range is empty. */
export function maxClose(bars: readonly Bar[], from: number, to: number): Bar | null {
  let best: Bar | null = null;
  for (let i = Math.max(0, from); i < to; i++) {
    const b = bars[i] as Bar;
    if (!best || b.close > best.close) best = b;
  }
  return best;
}
