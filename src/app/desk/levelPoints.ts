import type { Bar } from '../../domain/bar.js';
import type { LevelPoint } from './deskService.js';

/**
 * Daily level points from a level series' bars (closes in index points); `changePct` against the
 * previous bar's close, in percent (1.8 = +1.8%); high/low null when the file has no range
 * (high == low == close, as in level files that carry only closes).
 * @example levelPointsFromBars([{date:'2025-01-02', close: 100, ...}, {date:'2025-01-03', close: 102, ...}])[1].changePct // 2
 */
export function levelPointsFromBars(bars: readonly Bar[]): LevelPoint[] {
  const out: LevelPoint[] = [];
  let prev: number | null = null;
  for (const b of bars) {
    const flat = b.high === b.low && b.high === b.close;
    out.push({
      date: b.date,
      level: b.close,
      high: flat ? null : b.high,
      low: flat ? null : b.low,
      changePct: prev === null ? null : (b.close / prev - 1) * 100,
    });
    prev = b.close;
  }
  return out;
}
