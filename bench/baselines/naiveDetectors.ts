/**
 * Naive detectors for the benchmark baseline and as a test oracle: at every session they rescan the history
 * (O(n) per session, O(n^2) per series), the way a first version would be written. Same definitions as
 * src/analytics (see docs/analytics.md); they return bar indexes, not Facts.
 */
import { RegimeMachine } from '../../src/analytics/regime/RegimeMachine.js';
import type { BarColumns } from '../../src/analytics/series/BarColumns.js';
import { weekKey, yearOf } from '../../src/analytics/series/BarsView.js';

/** Most recent j < i with v[j] >= v[i] (sign 1) or <= (sign -1); -1 when none. */
export function naiveSince(v: ArrayLike<number>, i: number, sign: 1 | -1, from = 0): number {
  for (let j = i - 1; j >= from; j--) if (sign * (v[j] as number) >= sign * (v[i] as number)) return j;
  return -1;
}

/** Index of the extreme in [from, i] (earliest among ties). */
export function naiveExtreme(v: ArrayLike<number>, from: number, i: number, sign: 1 | -1): number {
  let best = from;
  for (let j = from + 1; j <= i; j++) if (sign * (v[j] as number) > sign * (v[best] as number)) best = j;
  return best;
}

/** 52-week extreme index, -1 while the data does not reach back 364 days. */
export function naive52w(cols: BarColumns, i: number, sign: 1 | -1): number {
  const start = (cols.days[i] as number) - 364;
  if ((cols.days[0] as number) > start) return -1;
  let from = i;
  while (from > 0 && (cols.days[from - 1] as number) > start) from--;
  return naiveExtreme(cols.closes, from, i, sign);
}

/** Length of the session streak ending at i (+ up, - down, 0 flat or first). */
export function naiveStreak(c: ArrayLike<number>, i: number): number {
  if (i === 0) return 0;
  const dir = Math.sign((c[i] as number) - (c[i - 1] as number));
  if (dir === 0) return 0;
  let n = 0;
  for (let j = i; j > 0 && Math.sign((c[j] as number) - (c[j - 1] as number)) === dir; j--) n++;
  return dir * n;
}

/** Regime recomputed from the first session at every session. */
export function naiveRegime(cols: BarColumns, i: number): number {
  const m = new RegimeMachine();
  for (let j = 0; j <= i; j++) m.step(j, cols.closes[j] as number, cols.highs[j] as number, cols.lows[j] as number);
  return m.regime * 1_000_000 + m.refIdx;
}

/**
 * Every naive detector over every session of a series (sessions from `from`), returning a checksum so the work
 * cannot be optimised away. The regime is recomputed from the start at each session.
 */
export function naiveAllDetectors(cols: BarColumns, from = 0): number {
  const { closes: c, highs: h, lows: l, volumes: vol } = cols;
  const n = cols.length;
  const change = new Float64Array(n);
  for (let i = 1; i < n; i++) change[i] = (c[i] as number) / (c[i - 1] as number) - 1;
  let sum = 0;
  for (let i = from; i < n; i++) {
    sum += naiveSince(c, i, 1) + naiveSince(c, i, -1) + naiveSince(h, i, 1) + naiveSince(l, i, -1);
    if (i > 0) sum += naiveSince(change, i, 1, 1) + naiveSince(change, i, -1, 1);
    sum += naiveExtreme(c, 0, i, 1) + naiveExtreme(c, 0, i, -1) + naiveExtreme(h, 0, i, 1);
    sum += naive52w(cols, i, 1) + naive52w(cols, i, -1);
    const y = yearOf(cols.dates[i] as string);
    let ys = i;
    while (ys > 0 && yearOf(cols.dates[ys - 1] as string) === y) ys--;
    sum += naiveExtreme(c, ys, i, 1) + naiveExtreme(c, ys, i, -1);
    let ps = ys - 1;
    while (ps > 0 && yearOf(cols.dates[ps - 1] as string) === y - 1) ps--;
    if (ps >= 0 && ys > 0) sum += naiveExtreme(c, ps, ys - 1, 1) + naiveExtreme(c, ps, ys - 1, -1);
    const s = naiveStreak(c, i);
    for (let j = i - Math.abs(s) - 1; j > 0; j--) if (Math.abs(naiveStreak(c, j)) >= Math.abs(s)) ((sum += j), (j = 0));
    let wk = i;
    while (wk > 0 && weekKey(cols.days[wk - 1] as number) === weekKey(cols.days[i] as number)) wk--;
    sum += wk;
    for (let j = Math.max(0, i - 20); j < i; j++) sum += Number.isNaN(vol[j] as number) ? 0 : 1;
    sum += naiveRegime(cols, i);
  }
  return sum;
}
