import type { Fact } from '../../domain/fact.js';
import type { BatchOutput, DetectorSpec } from '../detector.js';
import { StreamingDetector } from '../detector.js';
import type { BarColumns } from '../series/BarColumns.js';
import { yearOfDay, type BarsView } from '../series/BarsView.js';
import { coversYear, WEEKS52_DAYS } from '../series/calendarWindows.js';
import { recordRunsOf } from '../series/recordRuns.js';

/** The window an extreme is taken over. */
export type ExtremeWindow = 'all' | '52w' | 'year' | 'prevYear';

export interface ExtremeOptions {
  readonly window: ExtremeWindow;
  readonly side: 'high' | 'low';
  /** `close`: closing prices; `intraday`: session highs (side high) or lows (side low). */
  readonly basis: 'close' | 'intraday';
}

export { coversYear, WEEKS52_DAYS } from '../series/calendarWindows.js';

const valueOf = (o: ExtremeOptions, v: BarsView, j: number) =>
  o.basis === 'close' ? v.close(j) : o.side === 'high' ? v.high(j) : v.low(j);

/**
 * Facts for bar i given the index of the extreme (-1: not enough history, so null).
 * `changePct` is the close against the extreme (negative below a high); `event: "new"` when bar i set it.
 */
function extremeFacts(o: ExtremeOptions, v: BarsView, i: number, ext: number): Fact[] | null {
  if (ext < 0) return null;
  const value = valueOf(o, v, ext);
  const type = o.window === 'all' ? (o.side === 'high' ? 'all_time_high' : 'all_time_low') : o.side === 'high' ? 'period_high' : 'period_low';
  const y = o.window === 'year' || o.window === 'prevYear' ? Number(v.date(i).slice(0, 4)) : 0;
  const period = o.window === '52w' ? '52w' : o.window === 'year' ? String(y) : o.window === 'prevYear' ? String(y - 1) : undefined;
  const f: Fact = {
    type,
    basis: o.basis,
    ...(ext === i && o.window !== 'prevYear' ? { event: 'new' } : {}),
    changePct: (v.close(i) / value - 1) * 100,
    value,
    reference: { date: v.date(ext), value },
    ...(period !== undefined ? { period } : {}),
  };
  return [f];
}

let dequeScratch = new Int32Array(1024);

/** Batch: index of the extreme for every bar (-1 while warming up). Ties keep the earliest session. */
export function extremeIndexes(cols: BarColumns, o: ExtremeOptions): Int32Array {
  // Closes (every window) and the intraday record come from the shared stack pass (recordRuns.ts).
  const column = o.basis === 'close' ? 'close' : o.side === 'high' ? 'high' : 'low';
  if (o.basis === 'close' || o.window === 'all') {
    const runs = recordRunsOf(cols, column, o.side === 'high' ? 1 : -1);
    const got = runs === null ? null : o.window === 'all' ? runs.all : o.window === '52w' ? runs.w52 : o.window === 'year' ? runs.year : runs.prevYear;
    if (got !== null) return got;
  }
  return cols.memo(`extreme:${o.window}:${o.side}:${o.basis}`, () => computeExtremeIndexes(cols, o));
}

function computeExtremeIndexes(cols: BarColumns, o: ExtremeOptions): Int32Array {
  const n = cols.length;
  const out = new Int32Array(n).fill(-1);
  if (n === 0) return out;
  const src = o.basis === 'close' ? cols.closes : o.side === 'high' ? cols.highs : cols.lows;
  const sign = o.side === 'high' ? 1 : -1;
  const days = cols.days;
  const first = days[0] as number;
  if (o.window === 'all') {
    let best = 0;
    for (let i = 0; i < n; i++) {
      if (sign * (src[i] as number) > sign * (src[best] as number)) best = i;
      out[i] = i === 0 ? -1 : best; // a record needs something earlier to beat
    }
  } else if (o.window === '52w') {
    if (dequeScratch.length < n) dequeScratch = new Int32Array(Math.max(n, dequeScratch.length * 2));
    const dq = dequeScratch; // does not escape: reused by every call
    let head = 0, tail = 0;
    for (let i = 0; i < n; i++) {
      const x = sign * (src[i] as number);
      while (tail > head && sign * (src[dq[tail - 1] as number] as number) < x) tail--;
      dq[tail++] = i;
      const start = (days[i] as number) - WEEKS52_DAYS;
      while ((days[dq[head] as number] as number) <= start) head++;
      if (first <= start) out[i] = dq[head] as number;
    }
  } else {
    let year = -1, best = -1, prevBest = -1, covered = false;
    const years = cols.years;
    for (let i = 0; i < n; i++) {
      const y = years[i] as number;
      if (y !== year) {
        prevBest = y === year + 1 && covered ? best : -1;
        year = y;
        best = i;
        covered = coversYear(first, y);
      } else if (sign * (src[i] as number) > sign * (src[best] as number)) best = i;
      if (o.window === 'year') out[i] = covered && i > 0 ? best : -1;
      else out[i] = prevBest;
    }
  }
  return out;
}

class StreamingExtreme extends StreamingDetector {
  private best = -1; // all / year: extreme of the committed bars (of the current year)
  private year = -1;
  private covered = false;
  private prevBest = -1;
  private dq = new Int32Array(64);
  private head = 0;
  private tail = 0;

  constructor(private readonly o: ExtremeOptions) {
    super();
  }
  private score(j: number): number {
    return (this.o.side === 'high' ? 1 : -1) * valueOf(this.o, this.hist, j);
  }
  protected evaluate(i: number): Fact[] | null {
    const h = this.hist;
    const x = this.score(i);
    let ext = -1;
    switch (this.o.window) {
      case 'all':
        ext = i === 0 ? -1 : x > this.score(this.best) ? i : this.best;
        break;
      case '52w': {
        const start = h.day(i) - WEEKS52_DAYS;
        let hd = this.head;
        while (hd < this.tail && h.day(this.dq[hd] as number) <= start) hd++;
        const front = hd < this.tail ? (this.dq[hd] as number) : -1;
        ext = h.day(0) > start ? -1 : front < 0 || x > this.score(front) ? i : front;
        break;
      }
      case 'year':
      case 'prevYear': {
        const y = yearOfDay(h.day(i));
        if (this.o.window === 'year') {
          if (i === 0 || !coversYear(h.day(0), y)) ext = -1;
          else ext = y === this.year && x <= this.score(this.best) ? this.best : i;
        } else if (y === this.year) ext = this.prevBest;
        else ext = y === this.year + 1 && this.covered ? this.best : -1;
        break;
      }
    }
    return extremeFacts(this.o, h, i, ext);
  }
  protected commit(i: number): void {
    const h = this.hist;
    const x = this.score(i);
    if (this.o.window === 'all') this.best = i === 0 || x > this.score(this.best) ? i : this.best;
    else if (this.o.window === '52w') {
      while (this.tail > this.head && this.score(this.dq[this.tail - 1] as number) < x) this.tail--;
      if (this.tail === this.dq.length) this.compact();
      this.dq[this.tail++] = i;
      const start = h.day(i) - WEEKS52_DAYS;
      while (h.day(this.dq[this.head] as number) <= start) this.head++;
    } else {
      const y = yearOfDay(h.day(i));
      if (y !== this.year) {
        this.prevBest = y === this.year + 1 && this.covered ? this.best : -1;
        this.year = y;
        this.best = i;
        this.covered = coversYear(h.day(0), y);
      } else if (x > this.score(this.best)) this.best = i;
    }
  }
  private compact(): void {
    const live = this.dq.subarray(this.head, this.tail);
    const next = new Int32Array(Math.max(64, live.length * 2));
    next.set(live);
    this.dq = next;
    this.tail -= this.head;
    this.head = 0;
  }
}

const NEEDS: Record<ExtremeWindow, string> = {
  all: 'at least one earlier session',
  '52w': 'data going back 52 weeks (364 days) before the session',
  year: 'data from the first week of the calendar year and an earlier session',
  prevYear: 'data covering the whole previous calendar year',
};

const LABEL: Record<ExtremeWindow, string> = { all: 'all_time', '52w': '52w', year: 'year', prevYear: 'prev_year' };

/** Builds the detector for one window, side and basis (id e.g. `52w_high.close`). */
export function extremeDetector(o: ExtremeOptions): DetectorSpec {
  return {
    id: `${LABEL[o.window]}_${o.side}.${o.basis}`,
    needs: NEEDS[o.window],
    summary: `${o.window === 'all' ? `all_time_${o.side}` : `period_${o.side}`} (${o.window}, ${o.basis}): distance of the close from it, with its date; event "new" when set today`,
    batch: (cols): BatchOutput => {
      const ext = extremeIndexes(cols, o);
      return { factsAt: (i) => extremeFacts(o, cols, i, ext[i] as number) };
    },
    create: () => new StreamingExtreme(o),
  };
}
