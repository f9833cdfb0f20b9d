import type { BarColumns } from './BarColumns.js';
import { recordRunsOf } from './recordRuns.js';

/**
 * For every position i, the most recent j < i with `sign x v[j] >= sign x v[i]` (sign 1: at least as high,
 * -1: at least as low), or -1: the classic "previous greater or equal element" by one monotone stack pass,
 * O(n) in all. NaN values are never an answer and get -1. Batch face of the since-queries.
 * @example previousAtLeast(Float64Array.of(3, 1, 2, 3), 1) // Int32Array [-1, 0, 0, 0]
 */
export function previousAtLeast(v: ArrayLike<number>, sign: 1 | -1): Int32Array {
  const n = v.length;
  const out = new Int32Array(n);
  if (scratch.length < n) scratch = new Int32Array(Math.max(n, scratch.length * 2));
  const stack = scratch; // does not escape: one buffer reused by every call (single-threaded)
  let top = 0;
  for (let i = 0; i < n; i++) {
    const x = sign * (v[i] as number);
    if (x !== x) {
      out[i] = -1;
      continue;
    }
    while (top > 0 && sign * (v[stack[top - 1] as number] as number) < x) top--;
    out[i] = top > 0 ? (stack[top - 1] as number) : -1;
    stack[top++] = i;
  }
  return out;
}

let scratch = new Int32Array(1024);

/** previousAtLeast over a column of a series, computed once per series and shared (since-queries, round numbers). */
export function previousAtLeastOf(cols: BarColumns, column: 'close' | 'high' | 'low', sign: 1 | -1): Int32Array {
  const runs = recordRunsOf(cols, column, sign); // one stack pass shared with the window extremes
  if (runs !== null) return runs.prevAtLeast;
  const v = column === 'close' ? cols.closes : column === 'high' ? cols.highs : cols.lows;
  return cols.memo(`prevAtLeast:${column}:${sign}`, () => previousAtLeast(v, sign));
}
