import type { SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import { dayNumber, weekKey, yearOfDay, type BarsView } from './BarsView.js';
import { validateBar } from './validateBar.js';

/**
 * A series laid out as columns (typed arrays) for the batch face of the detectors.
 * Volume is NaN when unknown. `day` holds day numbers (days since 1970-01-01).
 */
export class BarColumns implements BarsView {
  readonly length: number;
  readonly dates: SessionDate[];
  readonly closes: Float64Array;
  readonly highs: Float64Array;
  readonly lows: Float64Array;
  readonly volumes: Float64Array;
  readonly days: Int32Array;

  /** Wraps ready columns without copying (the benchmark and generators use this). No validation. */
  constructor(dates: SessionDate[], closes: Float64Array, highs: Float64Array, lows: Float64Array, volumes: Float64Array, days: Int32Array) {
    this.length = closes.length;
    this.dates = dates;
    this.closes = closes;
    this.highs = highs;
    this.lows = lows;
    this.volumes = volumes;
    this.days = days;
  }

  /**
   * Validates and lays out bars (ascending dates, no duplicates, positive prices).
   * @throws InputError / OutOfOrderError naming `source`, the bar number and the field
   */
  static fromBars(bars: readonly Bar[], source = 'bars'): BarColumns {
    const n = bars.length;
    const c = new BarColumns(new Array<SessionDate>(n), new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n), new Int32Array(n));
    let prev: string | null = null;
    for (let i = 0; i < n; i++) {
      const b = bars[i] as Bar;
      validateBar(b, source, i, prev);
      prev = b.date;
      c.dates[i] = b.date;
      c.closes[i] = b.close;
      c.highs[i] = b.high;
      c.lows[i] = b.low;
      c.volumes[i] = b.volume ?? Number.NaN;
      c.days[i] = dayNumber(b.date);
    }
    return c;
  }

  private readonly cache = new Map<string, unknown>();
  private yearCol: Int32Array | null = null;
  private weekCol: Int32Array | null = null;

  /**
   * Computes a per-series result once and shares it between detectors (regime and correction share one state
   * machine run; closing_in reuses the highs). Columns must not be changed after the first call.
   */
  memo<T>(key: string, make: () => T): T {
    let v = this.cache.get(key) as T | undefined;
    if (v === undefined) {
      v = make();
      this.cache.set(key, v);
    }
    return v;
  }

  /**
   * Calendar year of each bar (computed once). The calendar arithmetic (divisions) runs only when a bar leaves
   * the year of the previous one, [Jan 1, next Jan 1) in day numbers; any order of days gives the same years.
   */
  get years(): Int32Array {
    if (this.yearCol === null) {
      const y = new Int32Array(this.length);
      const days = this.days;
      let year = 0, from = 1, to = 0; // empty range: the first bar computes
      for (let i = 0; i < this.length; i++) {
        const d = days[i] as number;
        if (d < from || d >= to) {
          year = yearOfDay(d);
          from = dayNumber(`${year}-01-01`);
          to = dayNumber(`${year + 1}-01-01`);
        }
        y[i] = year;
      }
      this.yearCol = y;
    }
    return this.yearCol;
  }

  /**
   * Week key of each bar (day number of the Monday of its ISO week, see `weekKey`), computed once and shared by
   * the week since-queries and the week streaks. The modulo runs only when a bar leaves the previous bar's week.
   */
  get weeks(): Int32Array {
    if (this.weekCol === null) {
      const w = new Int32Array(this.length);
      const days = this.days;
      const keyOf = weekKey; // read once: under tsx an imported function is a module getter
      let key = 0, to = -1; // empty range: the first bar computes
      for (let i = 0; i < this.length; i++) {
        const d = days[i] as number;
        if (d < key || d >= to) {
          key = keyOf(d);
          to = key + 7;
        }
        w[i] = key;
      }
      this.weekCol = w;
    }
    return this.weekCol;
  }

  date(i: number): SessionDate {
    return this.dates[i] as SessionDate;
  }
  close(i: number): number {
    return this.closes[i] as number;
  }
  high(i: number): number {
    return this.highs[i] as number;
  }
  low(i: number): number {
    return this.lows[i] as number;
  }
  volume(i: number): number {
    return this.volumes[i] as number;
  }
}
