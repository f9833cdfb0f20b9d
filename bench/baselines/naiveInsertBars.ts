import type { DuckDBConnection } from '@duckdb/node-api';
import type { Bar } from '../../src/domain/bar.js';

/**
 * The naive way to store bars: one parameterised `INSERT` per row, each in its own implicit transaction
 * (autocommit), no staging, no appender. Same table shape as the real store.
 */
export async function naiveInsertBars(conn: DuckDBConnection, symbol: string, bars: readonly Bar[], source: string): Promise<number> {
  for (const b of bars) {
    await conn.run('INSERT INTO bars VALUES ($1, CAST($2 AS DATE), $3, $4, $5, $6, $7, $8, $9)', [
      symbol, b.date, b.open, b.high, b.low, b.close, b.adjClose, b.volume, source,
    ]);
  }
  return bars.length;
}
