import type { AggregatedLevel } from '../../realtime/LevelAggregator.js';
import type { LiveLevelStore } from '../levels/LiveLevelStore.js';
import { countChange } from './changes.js';
import { PgDatabase } from './PgDatabase.js';

/**
 * Live levels in PostgreSQL (`live_levels`): the aggregator of the scale-out stores each level here before it
 * acknowledges the partitions' shares, and NOTIFYs (`levels` topic), so every API server on the database answers
 * the latest level without a reload.
 */
export class PgLiveLevelStore implements LiveLevelStore {
  private constructor(private readonly db: PgDatabase, private readonly owned: boolean) {}

  /** Connects to `url`, or wraps an open {@link PgDatabase} (then close() leaves it open). */
  static async open(urlOrDb: string | PgDatabase, opts: { applicationName?: string } = {}): Promise<PgLiveLevelStore> {
    if (typeof urlOrDb !== 'string') return new PgLiveLevelStore(urlOrDb, false);
    return new PgLiveLevelStore(await PgDatabase.open(urlOrDb, opts), true);
  }

  async putLiveLevels(levels: readonly AggregatedLevel[]): Promise<number> {
    if (levels.length === 0) return 0;
    return this.db.transaction(async () => {
      const rows = await this.db.rows(
        `INSERT INTO live_levels (index_code, time_ms, level, final, json)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::float8[], $4::boolean[], $5::text[]) ORDER BY 1, 2
         ON CONFLICT (index_code, time_ms) DO NOTHING RETURNING 1`,
        [levels.map((l) => l.index), levels.map((l) => l.timeMs), levels.map((l) => l.level), levels.map((l) => l.final), levels.map((l) => JSON.stringify(l))]);
      if (rows.length > 0) await countChange(this.db, 'levels');
      return rows.length;
    });
  }

  async latestLiveLevel(index: string): Promise<AggregatedLevel | null> {
    const [r] = await this.db.rows('SELECT json FROM live_levels WHERE index_code = $1 ORDER BY time_ms DESC LIMIT 1', [index]);
    return r ? (JSON.parse(r[0] as string) as AggregatedLevel) : null;
  }

  async liveLevels(index: string, fromMs: number, toMs: number): Promise<AggregatedLevel[]> {
    const rows = await this.db.rows('SELECT json FROM live_levels WHERE index_code = $1 AND time_ms BETWEEN $2 AND $3 ORDER BY time_ms', [index, fromMs, toMs]);
    return rows.map((r) => JSON.parse(r[0] as string) as AggregatedLevel);
  }

  async close(): Promise<void> {
    if (this.owned) await this.db.close();
  }
}
