import type { DuckDBDateValue, DuckDBDateVector, DuckDBDoubleVector, DuckDBIntegerVector, DuckDBVector } from '@duckdb/node-api';
import type { SecurityId, SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { DuckDbConnection, SqlParams } from './DuckDbConnection.js';

/**
 * The select list {@link readBarChunks} reads: the symbol as its 1-based position in the query's `$1` list (an
 * integer, not a string per row), the date as DuckDB's day number, then the prices.
 */
export const BAR_CHUNK_COLUMNS = 'list_position($1::VARCHAR[], symbol) AS k, date, open, high, low, close, adj_close, volume';

/**
 * Runs a bars query whose select list is {@link BAR_CHUNK_COLUMNS} and whose `$1` is `symbols`, ordered by symbol
 * and date, and groups its rows into bars per symbol (map in row order), straight from DuckDB's vectors (no JS value
 * conversion per cell; each distinct date formatted once). The same bars as CAST(date AS VARCHAR) and JS values.
 * @throws SourceError from the query.
 */
export async function readBarChunks(db: DuckDbConnection, sql: string, symbols: readonly string[], params: SqlParams): Promise<Map<SecurityId, Bar[]>> {
  const out = new Map<SecurityId, Bar[]>();
  const dateText = new Map<number, SessionDate>();
  let list: Bar[] = [];
  let current = -1;
  await db.eachChunk(sql, params, (v: readonly DuckDBVector[], n: number) => {
    const [k, d, open, high, low, close, adj, vol] = v as [DuckDBIntegerVector, DuckDBDateVector, DuckDBDoubleVector, DuckDBDoubleVector, DuckDBDoubleVector, DuckDBDoubleVector, DuckDBDoubleVector, DuckDBDoubleVector];
    for (let i = 0; i < n; i++) {
      const ki = k.getItem(i) as number;
      if (ki !== current) {
        current = ki;
        out.set(symbols[ki - 1] as SecurityId, (list = []));
      }
      const day = (d.getItem(i) as DuckDBDateValue).days;
      let date = dateText.get(day);
      if (date === undefined) dateText.set(day, (date = dayText(day)));
      list.push({
        date, open: open.getItem(i) as number, high: high.getItem(i) as number, low: low.getItem(i) as number, close: close.getItem(i) as number,
        adjClose: adj.getItem(i), volume: vol.getItem(i),
      });
    }
  });
  return out;
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01), as DuckDB's CAST(date AS VARCHAR) writes years 0-9999. */
export function dayText(day: number): SessionDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10) as SessionDate;
}
