import type { DuckDbConnection } from './DuckDbConnection.js';

/** Schema version written to `indexwire_meta`; bump with a migration when a table changes. */
export const SCHEMA_VERSION = 1;

/**
 * Tables `bars` and `index_sessions` have no PRIMARY KEY on purpose: DuckDB's ART index made bulk upserts ~5x slower, and
 * uniqueness of (symbol, date) and (code, date) is kept by the store itself (batches are validated for unique dates and merged
 * against what is stored inside one transaction; the contract tests check it).
 *
 * Creates the tables of the bar store when missing (idempotent). Other engineers add their own tables in their
 * own files with {@link DuckDbConnection.run}; these belong to the market-data store
 * (bars, securities, memberships, index_sessions, corporate_actions, bar_changes, index_state).
 * @throws SourceError when the database refuses a statement.
 */
export async function ensureBarSchema(db: DuckDbConnection): Promise<void> {
  await db.run(`
    CREATE TABLE IF NOT EXISTS indexwire_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
    INSERT OR IGNORE INTO indexwire_meta VALUES ('bar_schema_version', '${SCHEMA_VERSION}');
    CREATE TABLE IF NOT EXISTS bars (
      symbol VARCHAR NOT NULL, date DATE NOT NULL,
      open DOUBLE NOT NULL, high DOUBLE NOT NULL, low DOUBLE NOT NULL, close DOUBLE NOT NULL,
      adj_close DOUBLE, volume DOUBLE, source VARCHAR NOT NULL);
    CREATE TABLE IF NOT EXISTS securities (
      id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, name VARCHAR NOT NULL, currency VARCHAR NOT NULL,
      exchange VARCHAR NOT NULL, json VARCHAR NOT NULL);
    CREATE TABLE IF NOT EXISTS memberships (
      code VARCHAR NOT NULL, seq INTEGER NOT NULL, symbol VARCHAR NOT NULL, name VARCHAR NOT NULL,
      "from" DATE, "to" DATE, source VARCHAR NOT NULL, PRIMARY KEY (code, seq));
    CREATE TABLE IF NOT EXISTS index_sessions (
      code VARCHAR NOT NULL, date DATE NOT NULL, level DOUBLE NOT NULL, level_tr DOUBLE NOT NULL,
      divisor DOUBLE NOT NULL, divisor_tr DOUBLE NOT NULL, previous_level DOUBLE,
      json VARCHAR NOT NULL);
    CREATE TABLE IF NOT EXISTS corporate_actions (
      symbol VARCHAR NOT NULL, ex_date DATE NOT NULL, kind VARCHAR NOT NULL, json VARCHAR NOT NULL, source VARCHAR NOT NULL,
      PRIMARY KEY (symbol, ex_date, kind));
    CREATE TABLE IF NOT EXISTS bar_changes (rev BIGINT NOT NULL, symbol VARCHAR NOT NULL, first_date DATE NOT NULL);
    CREATE TABLE IF NOT EXISTS index_state (
      code VARCHAR PRIMARY KEY, fingerprint VARCHAR NOT NULL, date DATE NOT NULL, bar_revision BIGINT NOT NULL,
      state VARCHAR NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS stage_bars (
      symbol VARCHAR, date VARCHAR, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE,
      adj_close DOUBLE, volume DOUBLE, source VARCHAR);
    CREATE TEMP TABLE IF NOT EXISTS stage_sessions (
      code VARCHAR, date VARCHAR, level DOUBLE, level_tr DOUBLE, divisor DOUBLE, divisor_tr DOUBLE,
      previous_level DOUBLE, json VARCHAR);
  `);
}
