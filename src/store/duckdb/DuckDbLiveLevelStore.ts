import type { AggregatedLevel } from '../../realtime/LevelAggregator.js';
import type { LiveLevelStore } from '../levels/LiveLevelStore.js';
import { DuckDbConnection } from './DuckDbConnection.js';

const SCHEMA = `CREATE TABLE IF NOT EXISTS live_levels (
  index_code VARCHAR NOT NULL, time_ms BIGINT NOT NULL, level DOUBLE NOT NULL, final BOOLEAN NOT NULL, json VARCHAR NOT NULL,
  PRIMARY KEY (index_code, time_ms))`;

/** Live levels in a DuckDB file (`live_levels`, the PostgreSQL table's twin): for one process that owns the file. */
export class DuckDbLiveLevelStore implements LiveLevelStore {
  private constructor(private readonly db: DuckDbConnection, private readonly owned: boolean) {}

  /** Opens `path` (or shares an open connection; then close() leaves it open), creating the table. */
  static async open(pathOrDb: string | DuckDbConnection): Promise<DuckDbLiveLevelStore> {
    const owned = typeof pathOrDb === 'string';
    const db = owned ? await DuckDbConnection.open(pathOrDb) : pathOrDb;
    await db.run(SCHEMA);
    return new DuckDbLiveLevelStore(db, owned);
  }

  async putLiveLevels(levels: readonly AggregatedLevel[]): Promise<number> {
    if (levels.length === 0) return 0;
    return this.db.transaction(async () => {
      let added = 0;
      for (const l of levels) {
        const rows = await this.db.all('INSERT OR IGNORE INTO live_levels VALUES ($1, $2, $3, $4, $5) RETURNING 1 AS n',
          [l.index, l.timeMs, l.level, l.final, JSON.stringify(l)]);
        added += rows.length;
      }
      return added;
    });
  }

  async latestLiveLevel(index: string): Promise<AggregatedLevel | null> {
    const [r] = await this.db.all('SELECT json FROM live_levels WHERE index_code = $1 ORDER BY time_ms DESC LIMIT 1', [index]);
    return r ? (JSON.parse(r.json as string) as AggregatedLevel) : null;
  }

  async liveLevels(index: string, fromMs: number, toMs: number): Promise<AggregatedLevel[]> {
    const rows = await this.db.all('SELECT json FROM live_levels WHERE index_code = $1 AND time_ms BETWEEN $2 AND $3 ORDER BY time_ms', [index, fromMs, toMs]);
    return rows.map((r) => JSON.parse(r.json as string) as AggregatedLevel);
  }

  async close(): Promise<void> {
    if (this.owned) await this.db.close();
  }
}
