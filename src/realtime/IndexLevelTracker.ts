import type { SessionInterval } from '../calendar/TradingCalendar.js';

/** An index's own published level so far in the session (index points): the official series, as the feed carries it. */
export interface IndexLevelSnapshot {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  /** The last level. */
  readonly last: number;
  /** UTC ms of the last level. */
  readonly lastTimeMs: number;
  /** Levels applied since the open. */
  readonly count: number;
}

/**
 * Follows an index's own levels from a tick feed (the official index beside its members, e.g. `HSTECH` ticks
 * whose `price` is the index level): open (the first level of the session), high, low and last, O(1) a level.
 * A level outside the trading intervals (before the open, in the lunch break, after the close), not a positive
 * finite number, or earlier than the last one is ignored and counted in `rejected`.
 * @example const t = new IndexLevelTracker(hours); t.apply(Date.UTC(2025, 1, 7, 1, 30), 5051.92); t.snapshot()?.open // 5051.92
 */
export class IndexLevelTracker {
  private open = NaN;
  private high = -Infinity;
  private low = Infinity;
  private last = NaN;
  private lastTimeMs = -Infinity;
  private count = 0;
  rejected = 0;

  constructor(private readonly intervals: readonly SessionInterval[]) {}

  /** Applies one level at `timeMs` (UTC ms); false when ignored. */
  apply(timeMs: number, level: number): boolean {
    if (!(level > 0 && Number.isFinite(level)) || timeMs < this.lastTimeMs || !this.inHours(timeMs)) {
      this.rejected++;
      return false;
    }
    if (this.count === 0) this.open = level;
    if (level > this.high) this.high = level;
    if (level < this.low) this.low = level;
    this.last = level;
    this.lastTimeMs = timeMs;
    this.count++;
    return true;
  }

  /** The session so far; null before the first level. */
  snapshot(): IndexLevelSnapshot | null {
    if (this.count === 0) return null;
    return { open: this.open, high: this.high, low: this.low, last: this.last, lastTimeMs: this.lastTimeMs, count: this.count };
  }

  private inHours(t: number): boolean {
    for (const iv of this.intervals) if (t >= iv.startMs && t < iv.endMs) return true;
    return false;
  }
}
