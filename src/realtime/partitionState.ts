import type { LiveIndexState } from './liveIndexState.js';

/**
 * The partition (0..partitions−1) a symbol's ticks go to: FNV-1a 32-bit hash of the symbol, modulo.
 * Stable across processes and runs.
 * @example partitionOf('0700.HK', 4) // always the same number in 0..3
 */
export function partitionOf(symbol: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < symbol.length; i++) h = Math.imul(h ^ symbol.charCodeAt(i), 0x01000193) >>> 0;
  return h % partitions;
}

/**
 * The part of an index held in one partition: the members whose symbols hash there, same divisor. Its level
 * is that part's share of the index (Σ over its members of indexShares × price / divisor), so the index level
 * is the sum over partitions. Null when no member hashes there.
 */
export function partitionState(state: LiveIndexState, partition: number, partitions: number): LiveIndexState | null {
  const members = state.members.filter((m) => partitionOf(m.symbol, partitions) === partition);
  return members.length === 0 ? null : { ...state, members };
}
