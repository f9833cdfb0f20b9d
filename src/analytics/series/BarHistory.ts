import type { SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import { dayNumber, type BarsView } from './BarsView.js';

/**
 * The committed bars of a streaming detector plus the one pending bar (the latest, still replaceable),
 * in growable typed arrays. Index `committed` is the pending bar. Memory: 40 bytes and a date string per bar.
 */
export class BarHistory implements BarsView {
  private cap = 64;
  private n = 0;
  private pending: Bar | null = null;
  private pendingDay = 0;
  private dates: SessionDate[] = [];
  private c = new Float64Array(this.cap);
  private h = new Float64Array(this.cap);
  private l = new Float64Array(this.cap);
  private v = new Float64Array(this.cap);
  private d = new Int32Array(this.cap);

  /** Bars committed (every bar before the pending one). */
  get committed(): number {
    return this.n;
  }
  /** Committed bars plus the pending one. */
  get length(): number {
    return this.n + (this.pending ? 1 : 0);
  }
  get pendingBar(): Bar | null {
    return this.pending;
  }
  setPending(bar: Bar): void {
    this.pending = bar;
    this.pendingDay = dayNumber(bar.date);
  }
  /** Moves the pending bar into the committed arrays. */
  commitPending(): void {
    const b = this.pending;
    if (!b) return;
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.dates[i] = b.date;
    this.c[i] = b.close;
    this.h[i] = b.high;
    this.l[i] = b.low;
    this.v[i] = b.volume ?? Number.NaN;
    this.d[i] = this.pendingDay;
    this.pending = null;
  }
  private grow(): void {
    this.cap *= 2;
    const g = (a: Float64Array) => {
      const x = new Float64Array(this.cap);
      x.set(a);
      return x;
    };
    this.c = g(this.c);
    this.h = g(this.h);
    this.l = g(this.l);
    this.v = g(this.v);
    const dd = new Int32Array(this.cap);
    dd.set(this.d);
    this.d = dd;
  }
  private p(i: number): Bar {
    return this.pending as Bar;
  }
  date(i: number): SessionDate {
    return i < this.n ? (this.dates[i] as SessionDate) : this.p(i).date;
  }
  close(i: number): number {
    return i < this.n ? (this.c[i] as number) : this.p(i).close;
  }
  high(i: number): number {
    return i < this.n ? (this.h[i] as number) : this.p(i).high;
  }
  low(i: number): number {
    return i < this.n ? (this.l[i] as number) : this.p(i).low;
  }
  volume(i: number): number {
    return i < this.n ? (this.v[i] as number) : (this.p(i).volume ?? Number.NaN);
  }
  day(i: number): number {
    return i < this.n ? (this.d[i] as number) : this.pendingDay;
  }
}
