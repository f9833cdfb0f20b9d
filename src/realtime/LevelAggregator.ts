/** One partition's share of an index level at one publication time (scale-out message on `partials.<index>`). */
export interface PartialLevel {
  readonly index: string;
  readonly partition: number;
  /** Publication time (UTC ms). */
  readonly timeMs: number;
  readonly phase: 'open' | 'lunch' | 'close';
  /** Σ over the partition's members of indexShares × price / divisor (index points). */
  readonly levelPart: number;
  readonly previousPart: number;
  /** Ticks applied (incl. corrections) and rejected in this partition since the open. */
  readonly applied: number;
  readonly rejected: number;
  readonly duplicates: number;
}

/** The index level assembled from its partitions (scale-out message on `levels.<index>`). */
export interface AggregatedLevel {
  readonly type: 'level';
  readonly index: string;
  readonly timeMs: number;
  readonly time: string;
  readonly phase: 'open' | 'lunch' | 'close';
  readonly final: boolean;
  readonly level: number;
  readonly previousLevel: number;
  /** Percent. */
  readonly changePct: number;
  readonly applied: number;
  readonly rejected: number;
  readonly duplicates: number;
}

/**
 * Assembles index levels from partition shares: when every expected partition has reported a publication
 * time, the level is the sum of the shares in partition order (so any number of workers gives the same
 * bytes). A repeated share (a redelivery) is ignored. Pure.
 */
export class LevelAggregator {
  private readonly waiting = new Map<string, Map<number, PartialLevel>>();
  private readonly done = new Set<string>();

  /** @param partitionsOf the partitions holding members of each index. */
  constructor(private readonly partitionsOf: ReadonlyMap<string, readonly number[]>) {}

  /** True once the level of `index` at `timeMs` was assembled (later copies of its shares are redeliveries). */
  completed(index: string, timeMs: number): boolean {
    return this.done.has(`${index}@${timeMs}`);
  }

  /** Adds one share; returns the level when it completes a publication, else null. */
  add(p: PartialLevel): AggregatedLevel | null {
    const expected = this.partitionsOf.get(p.index);
    if (!expected || !expected.includes(p.partition)) return null;
    const key = `${p.index}@${p.timeMs}`;
    if (this.done.has(key)) return null;
    let got = this.waiting.get(key);
    if (!got) this.waiting.set(key, (got = new Map()));
    got.set(p.partition, p);
    if (got.size < expected.length) return null;
    this.waiting.delete(key);
    this.done.add(key);
    let level = 0, prev = 0, applied = 0, rejected = 0, duplicates = 0;
    for (const k of [...expected].sort((a, b) => a - b)) {
      const x = got.get(k) as PartialLevel;
      level += x.levelPart;
      prev += x.previousPart;
      applied += x.applied;
      rejected += x.rejected;
      duplicates += x.duplicates;
    }
    return {
      type: 'level', index: p.index, timeMs: p.timeMs, time: new Date(p.timeMs).toISOString(), phase: p.phase,
      final: p.phase === 'close', level, previousLevel: prev, changePct: (level / prev - 1) * 100, applied, rejected, duplicates,
    };
  }
}
