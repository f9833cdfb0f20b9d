import type { BarColumns } from './BarColumns.js';
import { coversYear, WEEKS52_DAYS } from './calendarWindows.js';

/**
 * Everything one monotone stack pass over a price column gives, per bar (indexes, -1 when none):
 * - `prevAtLeast`: the most recent earlier bar at least as high (sign 1) / low (sign -1), as `previousAtLeast`;
 * - `all`: the record (earliest bar of the highest / lowest value so far; -1 on bar 0);
 * - for closes: `w52` the extreme of the trailing window (bars dated after `day - 364`; -1 until
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

let idxScratch = new Int32Array(1024);
let valScratch = new Float64Array(1024);

/**
 * The runs of a column, computed once per series and shared (since-queries, round numbers, window extremes).
 * Null when the column holds a NaN: the callers then take their plain loops (whose NaN semantics differ).
 */
export function recordRunsOf(cols: BarColumns, column: 'close' | 'high' | 'low', sign: 1 | -1): RecordRuns | null {
  const v = column === 'close' ? cols.closes : column === 'high' ? cols.highs : cols.lows;
  if (column === 'close') {
    // Both sides with the window extremes, in one pass (a move pops one of the two stacks).
    const both = cols.memo('runs:close', () => computeBothWithWindows(cols, v));
    return both === null ? null : sign === 1 ? both.high : both.low;
  }
  // Window extremes are asked for closes only: the intraday columns skip them.
  return cols.memo(`runs:${column}:${sign}`, () => computeRecordRuns(v, sign));
}

/**
 * The runs of closes with the window outputs, for sign 1 and -1 at once (a high and a low stack). Null when the column holds a NaN. Both stacks hold
 * every bar, so the previous bar is the top of both: a rise pops the high stack only, a fall the low stack only,
 * and the unpredictable branch on the move is taken once per bar instead of once per stack.
 */
function computeBothWithWindows(cols: BarColumns, v: Float64Array): { high: RecordRuns; low: RecordRuns } | null {
  const n = v.length;
  if (idxScratch.length < 2 * n + 2) ((idxScratch = new Int32Array(2 * n + 2)), (valScratch = new Float64Array(2 * n + 2)));
  const stack = idxScratch, vals = valScratch; // do not escape: reused by every call (single-threaded)
  const prevH = new Int32Array(n), allH = new Int32Array(n), w52H = new Int32Array(n), yearH = new Int32Array(n), prevYearH = new Int32Array(n);
  const prevL = new Int32Array(n), allL = new Int32Array(n), w52L = new Int32Array(n), yearL = new Int32Array(n), prevYearL = new Int32Array(n);
  const days = cols.days, years = cols.years;
  const first = n > 0 ? (days[0] as number) : 0;
  // Imported bindings are read once: under tsx (ESM compiled to CommonJS) each read in the loop is a getter call.
  const windowDays = WEEKS52_DAYS, covers = coversYear;
  // High stack at 1..tH over a sentinel at 0, low stack at lo0 + 1..tL over a sentinel at lo0: the sentinels
  // (+/- infinity, tag -1: "none") are never popped, so the tops answer without a test.
  const lo0 = n + 1;
  stack[0] = stack[lo0] = -1;
  vals[0] = Infinity;
  vals[lo0] = -Infinity;
  let tH = 0, tL = lo0, headH = 1, headL = lo0 + 1, yHeadH = 1, yHeadL = lo0 + 1;
  let curYear = -1, covered = false, bestH = -1, bestL = -1, prevBestH = -1, prevBestL = -1;
  for (let i = 0; i < n; i++) {
    const x = v[i] as number;
    if (x !== x) return null;
    if ((vals[tH] as number) < x) {
      do tH--;
      while ((vals[tH] as number) < x);
    } else while ((vals[tL] as number) > x) tL--;
    prevH[i] = stack[tH] as number;
    prevL[i] = stack[tL] as number;
    const pH = ++tH, pL = ++tL; // positions of bar i
    stack[pH] = i;
    vals[pH] = x;
    stack[pL] = i;
    vals[pL] = x;
    allH[i] = stack[1] as number;
    allL[i] = stack[lo0 + 1] as number;
    // Trailing window: first stack entry dated after the start (heads: min(head, p), then the expiries).
    const dH = headH - pH, dL = headL - pL;
    headH = pH + (dH & (dH >> 31));
    headL = pL + (dL & (dL >> 31));
    const start = (days[i] as number) - windowDays;
    while ((days[stack[headH] as number] as number) <= start) headH++;
    while ((days[stack[headL] as number] as number) <= start) headL++;
    const inWindow = first <= start;
    w52H[i] = inWindow ? (stack[headH] as number) : -1;
    w52L[i] = inWindow ? (stack[headL] as number) : -1;
    // Calendar year: first stack entry of the year (the pointers restart at the first bar of a year).
    const y = years[i] as number;
    if (y !== curYear) {
      const follows = y === curYear + 1 && covered;
      prevBestH = follows ? bestH : -1;
      prevBestL = follows ? bestL : -1;
      curYear = y;
      covered = covers(first, y);
      yHeadH = pH;
      yHeadL = pL;
    }
    const eH = yHeadH - pH, eL = yHeadL - pL;
    yHeadH = pH + (eH & (eH >> 31));
    yHeadL = pL + (eL & (eL >> 31));
    bestH = stack[yHeadH] as number;
    bestL = stack[yHeadL] as number;
    const yearKnown = covered && i > 0;
    yearH[i] = yearKnown ? bestH : -1;
    yearL[i] = yearKnown ? bestL : -1;
    prevYearH[i] = prevBestH;
    prevYearL[i] = prevBestL;
  }
  if (n > 0) allH[0] = allL[0] = -1; // a record needs something earlier to beat
  return {
    high: { prevAtLeast: prevH, all: allH, w52: w52H, year: yearH, prevYear: prevYearH },
    low: { prevAtLeast: prevL, all: allL, w52: w52L, year: yearL, prevYear: prevYearL },
  };
}

/** One pass without the window outputs (see RecordRuns). Returns null when the column holds a NaN. */
function computeRecordRuns(v: Float64Array, sign: 1 | -1): RecordRuns | null {
  const n = v.length;
  if (idxScratch.length < n + 1) ((idxScratch = new Int32Array(2 * n + 2)), (valScratch = new Float64Array(2 * n + 2)));
  const stack = idxScratch, vals = valScratch; // do not escape: reused by every call (single-threaded)
  const prev = new Int32Array(n), all = new Int32Array(n);
  // Stack at 1..top over a sentinel at 0 (+infinity, tag -1: "none") that is never popped.
  stack[0] = -1;
  vals[0] = Infinity;
  let top = 0;
  for (let i = 0; i < n; i++) {
    const x = sign * (v[i] as number);
    if (x !== x) return null;
    while ((vals[top] as number) < x) top--;
    prev[i] = stack[top] as number;
    stack[++top] = i;
    vals[top] = x;
    all[i] = stack[1] as number;
  }
  if (n > 0) all[0] = -1; // a record needs something earlier to beat
  return { prevAtLeast: prev, all, w52: null, year: null, prevYear: null };
}
