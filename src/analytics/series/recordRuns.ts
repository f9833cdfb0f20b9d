import type { BarColumns } from './BarColumns.js';
import { coversYear, WEEKS52_DAYS } from './calendarWindows.js';

/**
 * Everything one monotone stack pass over a price column gives, per bar (indexes, -1 when none):
 * - `prevAtLeast`: the most recent earlier bar at least as high (sign 1) / low (sign -1), as `previousAtLeast`;
 * - `all`: the record (earliest bar of the highest / lowest value so far; -1 on bar 0);
 * - with `windows`: `w52` the extreme of the trailing window (bars dated after `day - 364`; -1 until
 *   the data reaches back that far), `year` the extreme of the calendar year so far (-1 when the data does not
 *   cover the year, and on bar 0), `prevYear` the extreme of the previous calendar year when covered.
 * The stack holds the bars not hidden by a later bar at least as high, in bar order; so the window extreme is
 * its first entry inside the window (a pointer that moves forward), the year's its first entry of the year and
 * the record its first entry: the 52-week deque, the year and the record loops are that one stack, whose pops
 * (the unpredictable branch) are paid once. Ties keep the earliest bar everywhere.
 */
export interface RecordRuns {
  readonly prevAtLeast: Int32Array;
  readonly all: Int32Array;
  readonly w52: Int32Array | null;
  readonly year: Int32Array | null;
  readonly prevYear: Int32Array | null;
}

/** 1 or 0 without a branch (a comparison's bit as an integer). */
const bit = (x: boolean): number => (x as unknown as number) | 0;

let idxScratch = new Int32Array(1024);
let valScratch = new Float64Array(1024);

/**
 * The runs of a column, computed once per series and shared (since-queries, round numbers, window extremes).
 * Null when the column holds a NaN: the callers then take their plain loops (whose NaN semantics differ).
 */
export function recordRunsOf(cols: BarColumns, column: 'close' | 'high' | 'low', sign: 1 | -1): RecordRuns | null {
  const v = column === 'close' ? cols.closes : column === 'high' ? cols.highs : cols.lows;
  // Window extremes are asked for closes only: the intraday columns skip them.
  return cols.memo(`runs:${column}:${sign}`, () => computeRecordRuns(cols, v, sign, column === 'close'));
}

/** One pass (see RecordRuns). Returns null when the column holds a NaN. */
function computeRecordRuns(cols: BarColumns, v: Float64Array, sign: 1 | -1, windows: boolean): RecordRuns | null {
  const n = v.length;
  if (idxScratch.length < n) ((idxScratch = new Int32Array(Math.max(n, idxScratch.length * 2))), (valScratch = new Float64Array(idxScratch.length)));
  const stack = idxScratch, vals = valScratch; // do not escape: reused by every call (single-threaded)
  const prev = new Int32Array(n), all = new Int32Array(n);
  if (!windows) {
    let top = 0;
    for (let i = 0; i < n; i++) {
      const x = sign * (v[i] as number);
      if (x !== x) return null;
      while (top > 0 && (vals[top - 1] as number) < x) top--;
      prev[i] = top > 0 ? (stack[top - 1] as number) : -1;
      stack[top] = i;
      vals[top++] = x;
      all[i] = stack[0] as number;
    }
    if (n > 0) all[0] = -1; // a record needs something earlier to beat
    return { prevAtLeast: prev, all, w52: null, year: null, prevYear: null };
  }
  return computeWithWindows(cols, v, sign, prev, all);
}

/** computeRecordRuns with the window outputs (a separate function: one loop per optimised function). */
function computeWithWindows(cols: BarColumns, v: Float64Array, sign: 1 | -1, prev: Int32Array, all: Int32Array): RecordRuns | null {
  const n = v.length;
  const stack = idxScratch, vals = valScratch;
  const w52 = new Int32Array(n), year = new Int32Array(n), prevYear = new Int32Array(n);
  const days = cols.days, years = cols.years;
  const first = n > 0 ? (days[0] as number) : 0;
  // Imported bindings are read once: under tsx (ESM compiled to CommonJS) each read in the loop is a getter call.
  const windowDays = WEEKS52_DAYS, covers = coversYear;
  let top = 0, head = 0, yHead = 0;
  let curYear = -1, covered = false, best = -1, prevBest = -1;
  for (let i = 0; i < n; i++) {
    const x = sign * (v[i] as number);
    if (x !== x) return null;
    while (top > 0 && (vals[top - 1] as number) < x) top--;
    prev[i] = top > 0 ? (stack[top - 1] as number) : -1;
    const p = top;
    stack[top] = i;
    vals[top++] = x;
    all[i] = stack[0] as number;
    // Trailing window: first stack entry dated after the start. Branch-free steps (the data decide them at
    // random): head = min(head, p), then up to two expiries, then a loop for the rare longer gaps.
    const dh = head - p;
    head = p + (dh & (dh >> 31));
    const start = (days[i] as number) - windowDays;
    head += bit((days[stack[head] as number] as number) <= start);
    head += bit((days[stack[head] as number] as number) <= start);
    while ((days[stack[head] as number] as number) <= start) head++;
    w52[i] = first <= start ? (stack[head] as number) : -1;
    // Calendar year: first stack entry of the year (the pointer restarts at the first bar of a year).
    const y = years[i] as number;
    if (y !== curYear) {
      prevBest = y === curYear + 1 && covered ? best : -1;
      curYear = y;
      covered = covers(first, y);
      yHead = p;
    }
    const dy = yHead - p;
    yHead = p + (dy & (dy >> 31)); // min(yHead, p)
    best = stack[yHead] as number;
    year[i] = covered && i > 0 ? best : -1;
    prevYear[i] = prevBest;
  }
  if (n > 0) all[0] = -1;
  return { prevAtLeast: prev, all, w52, year, prevYear };
}
