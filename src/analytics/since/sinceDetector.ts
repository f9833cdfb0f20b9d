import type { Fact } from '../../domain/fact.js';
import type { BatchOutput, DetectorSpec } from '../detector.js';
import { StreamingDetector } from '../detector.js';
import type { BarColumns } from '../series/BarColumns.js';
import type { BarsView } from '../series/BarsView.js';
import { elementKey, type ElementUnit } from '../series/elementKey.js';
import { MonotoneStack } from '../series/MonotoneStack.js';
import { RecordChain } from '../series/RecordChain.js';
import { previousAtLeastOf } from '../series/previousAtLeast.js';

/**
 * "Highest close since", "biggest one-session gain since", "best week since" ...: the most recent earlier element
 * (session or week) whose value was at least as high (mode max) or as low (mode min), or `record` in the data.
 * Values: `close` (last close of the element), `high` / `low` (session extremes, basis intraday), `change`
 * (fraction, last close against the previous element's last close).
 * Said only when it is news: the answer is older than the previous element, and for `change` the move has the
 * right sign (a gain for max, a loss for min). Null (warming up) until there is an earlier value to compare with:
 * the first element, and for `change` the first two. `count`: elements since the answer, or compared on record.
 */
export interface SinceOptions {
  readonly id: string;
  readonly type: string;
  readonly unit: ElementUnit;
  readonly value: 'close' | 'high' | 'low' | 'change';
  readonly mode: 'max' | 'min';
}

/** Per-bar answer, shared by both faces. status: 0 warming up, 1 nothing to say, 2 record, 3 since `refBar`. */
interface SinceRow {
  status: number;
  x: number;
  refBar: number;
  refValue: number;
  count: number;
}

function factsOf(o: SinceOptions, v: BarsView, i: number, r: SinceRow): Fact[] | null {
  if (r.status === 0) return null;
  if (r.status === 1) return [];
  const isChange = o.value === 'change';
  const basis = o.value === 'high' || o.value === 'low' ? 'intraday' : 'close';
  const f: Fact = {
    type: o.type,
    basis,
    ...(isChange ? { changePct: r.x * 100, value: v.close(i) } : { value: r.x }),
    since: r.status === 2 ? 'record' : v.date(r.refBar),
    ...(r.status === 3 ? { reference: { date: v.date(r.refBar), value: isChange ? r.refValue * 100 : r.refValue } } : {}),
    count: r.count,
    ...(o.unit === 'week' ? { period: 'week' } : {}),
    ...(r.status === 2 ? { detail: { dataStart: v.date(0) } } : {}),
  };
  return [f];
}

/** Open element aggregate. */
interface Agg {
  key: number;
  index: number;
  lastClose: number;
  high: number;
  low: number;
  prevClose: number;
  lastBar: number;
}

function valueOf(o: SinceOptions, a: Agg): number {
  switch (o.value) {
    case 'close':
      return a.lastClose;
    case 'high':
      return a.high;
    case 'low':
      return a.low;
    default:
      return a.lastClose / a.prevClose - 1; // NaN when prevClose is NaN
  }
}

function signed(o: SinceOptions, x: number): number {
  return o.mode === 'max' ? x : -x;
}

/** Decides the row from the current element's value and the answer element (-1 record). */
function decide(o: SinceOptions, e: number, x: number, k: number, kBar: number, kValue: number, elemsBefore: number, r: SinceRow): void {
  r.x = x;
  // Nothing earlier to compare with (first element; first change): warming up, never a vacuous "record".
  const comparable = o.value === 'change' ? elemsBefore - 1 : elemsBefore;
  if (Number.isNaN(x) || comparable < 1) return void (r.status = 0);
  const wrongSign = o.value === 'change' && (o.mode === 'max' ? x <= 0 : x >= 0);
  if (wrongSign || (k >= 0 && k === e - 1)) return void (r.status = 1);
  r.status = k < 0 ? 2 : 3;
  r.refBar = kBar;
  r.refValue = kValue;
  r.count = k < 0 ? comparable : e - k;
}

function fresh(key: number, index: number, v: BarsView, i: number, prevClose: number): Agg {
  return { key, index, lastClose: v.close(i), high: v.high(i), low: v.low(i), prevClose, lastBar: i };
}
function merged(a: Agg, v: BarsView, i: number): Agg {
  return { ...a, lastClose: v.close(i), high: Math.max(a.high, v.high(i)), low: Math.min(a.low, v.low(i)), lastBar: i };
}

/** Value of an element by kind: 0 close, 1 high, 2 low, 3 change (fraction; NaN without a previous close). */
function kindValue(kind: number, lastClose: number, hi: number, lo: number, prevClose: number): number {
  return kind === 0 ? lastClose : kind === 1 ? hi : kind === 2 ? lo : lastClose / prevClose - 1;
}

/**
 * Batch fast path for one element per session: the element is the bar, and the answer is the classic
 * "previous element at least as high" (one monotone stack pass; shared per series for prices).
 */
/**
 * Daily changes (fraction; NaN on the first bar) and, per bar, the answer of the mode that can say it: for a
 * gain the most recent earlier change at least as high, for a loss the most recent at least as low, else -1
 * (decide stops on the wrong sign before reading it). Both monotone stacks in one pass: a move pops only one of
 * them, so the unpredictable branch is taken once per bar instead of once per stack. Same answers as
 * `previousAtLeast(xs, 1)` for gains and `previousAtLeast(xs, -1)` for losses.
 */
function dailyChangeRuns(closes: Float64Array): { xs: Float64Array; answer: Int32Array } {
  const n = closes.length;
  const xs = new Float64Array(n), answer = new Int32Array(n);
  if (changeStackIdx.length < 2 * n + 2) ((changeStackIdx = new Int32Array(2 * n + 2)), (changeStackVal = new Float64Array(2 * n + 2)));
  const idx = changeStackIdx, val = changeStackVal; // do not escape: reused by every call (single-threaded)
  // High stack at 1..tHi over a sentinel at 0, low stack at n + 2..tLo over a sentinel at n + 1: the sentinels
  // (+/- infinity, tag -1: "none") are never popped, so the tops answer without a test.
  const lo0 = n + 1;
  idx[0] = idx[lo0] = -1;
  val[0] = Infinity;
  val[lo0] = -Infinity;
  let tHi = 0, tLo = lo0;
  for (let i = 0; i < n; i++) {
    const x = i === 0 ? Number.NaN : (closes[i] as number) / (closes[i - 1] as number) - 1;
    xs[i] = x;
    if (x !== x) {
      answer[i] = -1; // never an answer, never on a stack
      continue;
    }
    if ((val[tHi] as number) < x) {
      // A rise (the top is the previous change): pops the high stack only.
      do tHi--;
      while ((val[tHi] as number) < x);
    } else while ((val[tLo] as number) > x) tLo--;
    // The gain's answer for a gain, the loss's for a loss, -1 for no change: without a branch on the sign.
    const gain = bit(x > 0), loss = bit(x < 0);
    answer[i] = gain * (idx[tHi] as number) + loss * (idx[tLo] as number) - (1 - gain - loss);
    idx[++tHi] = i;
    val[tHi] = x;
    idx[++tLo] = i;
    val[tLo] = x;
  }
  return { xs, answer };
}
/** 1 or 0 without a branch (a comparison's bit as an integer). */
const bit = (b: boolean): number => (b as unknown as number) | 0;
let changeStackIdx = new Int32Array(1024);
let changeStackVal = new Float64Array(1024);

function batchSinceSessions(o: SinceOptions, cols: BarColumns): BatchOutput {
  const n = cols.length;
  const { closes } = cols;
  const sign = o.mode === 'max' ? 1 : -1;
  let xs: Float64Array;
  let answer: Int32Array;
  if (o.value === 'change') {
    // The daily changes and their answers are shared by the gain and the loss detectors (one pass per series).
    const runs = cols.memo('since:change', () => dailyChangeRuns(closes));
    xs = runs.xs;
    answer = runs.answer;
  } else {
    xs = o.value === 'high' ? cols.highs : o.value === 'low' ? cols.lows : closes;
    answer = previousAtLeastOf(cols, o.value, sign);
  }
  const r: SinceRow = { status: 0, x: 0, refBar: -1, refValue: 0, count: 0 };
  return {
    factsAt: (i) => {
      const e = answer[i] as number;
      decide(o, i, xs[i] as number, e, e, e >= 0 ? (xs[e] as number) : 0, i, r);
      return factsOf(o, cols, i, r);
    },
  };
}

/** Per-bar columns of a week since-query (see batchSince). */
interface WeekRuns {
  elemOf: Int32Array;
  answer: Int32Array;
  xs: Float64Array;
  elemLastBar: Int32Array;
  elemValue: Float64Array;
}

/**
 * Week changes for both modes in one pass, shared by best_week_since and worst_week_since: a change is said by
 * one mode at most (a gain by max, a loss by min; decide stops on the wrong sign before reading the answer), so
 * one answer column serves both, searched in the max stack for a gain and in the min stack for a loss.
 */
function weekChangeRuns(cols: BarColumns): WeekRuns {
  const n = cols.length;
  const elemOf = new Int32Array(n), answer = new Int32Array(n), xs = new Float64Array(n);
  const elemLastBar = new Int32Array(n), elemValue = new Float64Array(n);
  const up = new MonotoneStack(64), down = new MonotoneStack(64);
  const closes = cols.closes, weeks = cols.weeks;
  let key = Number.NaN, index = -1, lastClose = Number.NaN, prevClose = Number.NaN;
  for (let i = 0; i < n; i++) {
    const k = weeks[i] as number;
    const c = closes[i] as number;
    if (k !== key) {
      if (index >= 0) {
        const val = lastClose / prevClose - 1; // NaN when prevClose is NaN
        elemLastBar[index] = i - 1;
        elemValue[index] = val;
        if (val === val) {
          up.push(val, index);
          down.push(-val, index);
        }
      }
      prevClose = lastClose;
      key = k;
      index++;
    }
    lastClose = c;
    const x = lastClose / prevClose - 1;
    elemOf[i] = index;
    xs[i] = x;
    answer[i] = x > 0 ? up.find(x) : x < 0 ? down.find(-x) : -1;
  }
  return { elemOf, answer, xs, elemLastBar, elemValue };
}

function batchSince(o: SinceOptions, cols: BarColumns): BatchOutput {
  if (o.unit === 'session') return batchSinceSessions(o, cols);
  if (o.value === 'change') {
    return elementFacts(o, cols, cols.memo('since:week:change', () => weekChangeRuns(cols)));
  }
  const n = cols.length;
  // Per bar: its element, the answer element (-1 record) and its value. The rest is derived in factsAt.
  const elemOf = new Int32Array(n), answer = new Int32Array(n), xs = new Float64Array(n);
  const stack = new MonotoneStack(64);
  // Per element (index = element number): its last bar and its value. At most one element per bar.
  const elemLastBar = new Int32Array(n);
  const elemValue = new Float64Array(n);
  const { closes, highs, lows } = cols;
  const sign = o.mode === 'max' ? 1 : -1;
  const weeks = cols.weeks; // the only other unit (sessions took the fast path)
  const kind = o.value === 'close' ? 0 : o.value === 'high' ? 1 : o.value === 'low' ? 2 : 3;
  const extremes = kind === 1 || kind === 2; // session highs / lows are needed
  // The open element, in scalars (no object per bar).
  let key = Number.NaN, index = -1, lastClose = Number.NaN, hi = 0, lo = 0, prevClose = Number.NaN;
  for (let i = 0; i < n; i++) {
    const k = weeks[i] as number;
    const c = closes[i] as number;
    if (k === key) {
      lastClose = c;
      if (extremes) {
        if ((highs[i] as number) > hi) hi = highs[i] as number;
        if ((lows[i] as number) < lo) lo = lows[i] as number;
      }
    } else {
      if (index >= 0) {
        const val = kindValue(kind, lastClose, hi, lo, prevClose);
        elemLastBar[index] = i - 1;
        elemValue[index] = val;
        if (val === val) stack.push(sign * val, index);
      }
      prevClose = lastClose;
      key = k;
      index++;
      lastClose = c;
      hi = highs[i] as number;
      lo = lows[i] as number;
    }
    const x = kindValue(kind, lastClose, hi, lo, prevClose);
    elemOf[i] = index;
    xs[i] = x;
    // A change of the wrong sign is never said (decide stops before reading the answer): not searched.
    answer[i] = x === x && (kind !== 3 || sign * x > 0) ? stack.find(sign * x) : -1;
  }
  return elementFacts(o, cols, { elemOf, answer, xs, elemLastBar, elemValue });
}

/** Facts of bar i from the per-bar element, answer and value columns of a weekly "since" pass. */
function elementFacts(
  o: SinceOptions,
  cols: BarColumns,
  runs: WeekRuns,
): BatchOutput {
  const { elemOf, answer, xs, elemLastBar, elemValue } = runs;
  const r: SinceRow = { status: 0, x: 0, refBar: -1, refValue: 0, count: 0 };
  return {
    factsAt: (i) => {
      const e = answer[i] as number;
      decide(o, elemOf[i] as number, xs[i] as number, e, e >= 0 ? (elemLastBar[e] as number) : -1, e >= 0 ? (elemValue[e] as number) : 0, elemOf[i] as number, r);
      return factsOf(o, cols, i, r);
    },
  };
}

class StreamingSince extends StreamingDetector {
  private readonly chain = new RecordChain();
  private readonly elemLastBar: number[] = [];
  private readonly elemValue: number[] = [];
  private open: Agg | null = null;
  private readonly row: SinceRow = { status: 0, x: 0, refBar: -1, refValue: 0, count: 0 };

  constructor(private readonly o: SinceOptions) {
    super();
  }
  protected evaluate(i: number): Fact[] | null {
    const o = this.o, h = this.hist;
    const key = elementKey(o.unit, i, h.day(i));
    let cur: Agg;
    let closing: Agg | null = null;
    if (this.open && this.open.key === key) cur = merged(this.open, h, i);
    else {
      closing = this.open;
      cur = fresh(key, closing ? closing.index + 1 : 0, h, i, closing ? closing.lastClose : Number.NaN);
    }
    const x = valueOf(o, cur);
    let k = -1, kBar = -1, kValue = 0;
    if (!Number.isNaN(x)) {
      const cv = closing ? valueOf(o, closing) : Number.NaN;
      if (closing && !Number.isNaN(cv) && signed(o, cv) >= signed(o, x)) {
        k = closing.index;
        kBar = closing.lastBar;
        kValue = cv;
      } else {
        const p = this.chain.find(signed(o, x));
        if (p >= 0) {
          k = this.chain.tag(p);
          kBar = this.elemLastBar[k] as number;
          kValue = this.elemValue[k] as number;
        }
      }
    }
    decide(o, cur.index, x, k, kBar, kValue, cur.index, this.row);
    return factsOf(o, h, i, this.row);
  }
  protected commit(i: number): void {
    const o = this.o, h = this.hist;
    const key = elementKey(o.unit, i, h.day(i));
    if (this.open && this.open.key === key) this.open = merged(this.open, h, i);
    else {
      const c = this.open;
      if (c) {
        const val = valueOf(o, c);
        this.elemLastBar.push(c.lastBar);
        this.elemValue.push(val);
        if (!Number.isNaN(val)) this.chain.push(signed(o, val), c.index);
      }
      this.open = fresh(key, c ? c.index + 1 : 0, h, i, c ? c.lastClose : Number.NaN);
    }
  }
}

/** Builds a since-detector (see SinceOptions). */
export function sinceDetector(o: SinceOptions): DetectorSpec {
  return {
    id: o.id,
    summary: `${o.type}: most recent earlier ${o.unit} with ${o.value} at least as ${o.mode === 'max' ? 'high' : 'low'}, or record`,
    batch: (cols) => batchSince(o, cols),
    create: () => new StreamingSince(o),
  };
}
