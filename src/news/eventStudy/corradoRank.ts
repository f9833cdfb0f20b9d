/**
 * Corrado (1989) rank statistic for one security, extended to a multi-day window as in Campbell & Wasley (1993):
 * rank every abnormal return of the estimation and event days together (1 = lowest, ties get the mean rank),
 * then Z = sum over the window of (K_t - (N+1)/2) / (sqrt(window length) * s_K), with
 * s_K = sqrt(mean over all N days of (K_t - (N+1)/2)^2). Z is approximately standard normal.
 * @param abnormal all abnormal returns that are ranked (estimation window then event days)
 * @param windowIndexes positions in `abnormal` of the window's days
 * @example corradoRankZ([0.01, -0.02, 0.00, 0.05], [3]) // the largest of 4: (4 - 2.5) / s_K
 * @throws RangeError when the window is empty or an index is out of range.
 */
export function corradoRankZ(abnormal: readonly number[], windowIndexes: readonly number[]): number {
  if (windowIndexes.length === 0) throw new RangeError('empty event window');
  const n = abnormal.length;
  const ranks = midRanks(abnormal);
  const mid = (n + 1) / 2;
  let ss = 0;
  for (const k of ranks) ss += (k - mid) ** 2;
  const sK = Math.sqrt(ss / n);
  let sum = 0;
  for (const i of windowIndexes) {
    if (i < 0 || i >= n) throw new RangeError(`window index ${i} outside 0..${n - 1}`);
    sum += ranks[i]! - mid;
  }
  return sK === 0 ? 0 : sum / (Math.sqrt(windowIndexes.length) * sK);
}

/** Ranks 1..n with ties sharing their mean rank. */
export function midRanks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = r;
    i = j + 1;
  }
  return ranks;
}
