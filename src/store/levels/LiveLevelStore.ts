import type { AggregatedLevel } from '../../realtime/LevelAggregator.js';

/**
 * Live index levels as the scale-out's aggregator publishes them (every 2 s per index), kept so that any process
 * (every API server behind a balancer) answers the latest one. Keyed by (index, timeMs): storing a level again
 * (a redelivery, a restarted aggregator) changes nothing. Implemented by PostgreSQL (shared by many processes),
 * a DuckDB file and an in-memory twin, which pass one contract (test/contracts/liveLevelStore.test.ts).
 */
export interface LiveLevelStore {
  /** Stores the levels in one transaction; returns how many were new. @throws SourceError when the database fails. */
  putLiveLevels(levels: readonly AggregatedLevel[]): Promise<number>;
  /** The stored level of `index` with the highest timeMs, or null. */
  latestLiveLevel(index: string): Promise<AggregatedLevel | null>;
  /** Levels of `index` with `fromMs <= timeMs <= toMs`, ascending. */
  liveLevels(index: string, fromMs: number, toMs: number): Promise<AggregatedLevel[]>;
  close(): Promise<void>;
}
