import type { SessionInterval } from '../calendar/TradingCalendar.js';
import { ConfigError } from '../core/errors.js';

/** One publication time: `phase` says whether trading goes on, pauses (lunch) or the session closed. */
export interface PublicationSlot {
  /** UTC ms; the publication reflects every tick with `timeMs < timeMs`. */
  readonly timeMs: number;
  readonly phase: 'open' | 'lunch' | 'close';
}

/**
 * Publication times of one session: every `everyMs` from each interval's start (exclusive), plus each
 * interval's end (`lunch` for a break, `close` for the last one, which is the final publication).
 * Pure and lazy: {@link due} hands out the slots up to a time, each once.
 * @example new PublicationSchedule([{startMs: 0, endMs: 5000}], 2000).due(9999).map((s) => s.timeMs) // [2000, 4000, 5000]
 */
export class PublicationSchedule {
  private k = 0;
  private iv = 0;

  /** @throws ConfigError when `everyMs` is not a positive integer or the intervals are not ascending. */
  constructor(
    private readonly intervals: readonly SessionInterval[],
    readonly everyMs = 2000,
  ) {
    if (!(Number.isInteger(everyMs) && everyMs > 0)) {
      throw new ConfigError({ source: 'publication', field: 'everyMs', value: String(everyMs), reason: 'must be a positive integer (ms)' });
    }
    for (let i = 0; i < intervals.length; i++) {
      const a = intervals[i] as SessionInterval;
      const prevEnd = i > 0 ? (intervals[i - 1] as SessionInterval).endMs : -Infinity;
      if (!(a.endMs > a.startMs && a.startMs >= prevEnd)) {
        throw new ConfigError({ source: 'publication', field: `intervals[${i}]`, value: `${a.startMs}-${a.endMs}`, reason: 'intervals must be non-empty and ascending' });
      }
    }
  }

  /** The next slot without consuming it, or null after the close. */
  peek(): PublicationSlot | null {
    const iv = this.intervals[this.iv];
    if (iv === undefined) return null;
    const t = iv.startMs + (this.k + 1) * this.everyMs;
    if (t < iv.endMs) return { timeMs: t, phase: 'open' };
    return { timeMs: iv.endMs, phase: this.iv === this.intervals.length - 1 ? 'close' : 'lunch' };
  }

  /** Consumes and returns every slot with `timeMs <= upToMs`, in order. */
  due(upToMs: number): PublicationSlot[] {
    const out: PublicationSlot[] = [];
    for (let s = this.peek(); s !== null && s.timeMs <= upToMs; s = this.peek()) {
      out.push(s);
      if (s.phase === 'open') this.k++;
      else {
        this.iv++;
        this.k = 0;
      }
    }
    return out;
  }

  /** True once the close slot was handed out. */
  done(): boolean {
    return this.iv >= this.intervals.length;
  }
}
