import { AsyncLocalStorage } from 'node:async_hooks';
import { DuckDBConnection as RawConnection, DuckDBInstance, type DuckDBAppender, type DuckDBValue, type DuckDBVector } from '@duckdb/node-api';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { SourceError } from '../../core/errors.js';

/** Bytes 8..11 of every DuckDB database file (its main header's magic). */
const DUCKDB_MAGIC = 'DUCK';

/**
 * Refuses a `--db` path that exists and is not a DuckDB database (a CSV, a JSON, a folder...): DuckDB would open a
 * CSV or Parquet file as a read-only in-memory view, take every write, and store nothing. A missing path (a new
 * store), an empty file and `:memory:` are allowed. Never prints the file's content.
 * @throws SourceError naming the path.
 */
export function refuseNonDuckDbFile(path: string): void {
  if (path === ':memory:' || path === '') return;
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new SourceError(path, 'is a folder, not a DuckDB database file (give a new path or an existing .duckdb file)', false);
    if (!st.isFile()) throw new SourceError(path, 'is not a regular file, not a DuckDB database (give a new path or an existing .duckdb file)', false);
    size = st.size;
  } catch (e) {
    if (e instanceof SourceError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new SourceError(path, `cannot open database: ${(e as Error).message}`, false);
  }
  if (size === 0) return;
  const head = Buffer.alloc(12);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 12, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 12 || head.subarray(8, 12).toString('latin1') !== DUCKDB_MAGIC) {
    throw new SourceError(path, 'not a DuckDB database (no DuckDB header): refusing to open it as the store; give a new path or an existing .duckdb file', false);
  }
}

/** A row as a plain object: BIGINT/HUGEINT become numbers, DATE/TIMESTAMP become strings, NULL is null. */
export type Row = Record<string, string | number | boolean | null>;
export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

/**
 * A small helper over `@duckdb/node-api` that other engineers can use for their own tables (news, ...):
 * open a file, run statements, read rows as plain objects, run a transaction. One process owns a file:
 * a second process gets a clear {@link SourceError} instead of DuckDB's lock message.
 *
 * @example
 * const db = await DuckDbConnection.open('indexwire.duckdb');
 * await db.run('CREATE TABLE IF NOT EXISTS news (id VARCHAR PRIMARY KEY, title VARCHAR)');
 * await db.transaction(async () => db.run('INSERT INTO news VALUES (?, ?)', ['a1', 'Hello']));
 * const rows = await db.all('SELECT count(*) AS n FROM news'); // [{ n: 1 }] (a number, not a bigint)
 * await db.close();
 */
export class DuckDbConnection {
  private closed = false;
  /** Transactions run one at a time (one connection); concurrent callers queue here. */
  private queue: Promise<void> = Promise.resolve();
  /** Marks the async context of a running transaction, so nested calls join it instead of deadlocking. */
  private readonly txContext = new AsyncLocalStorage<DuckDbConnection>();

  private constructor(
    /** The file path, or `:memory:`. */
    readonly path: string,
    private readonly instance: DuckDBInstance,
    /** The raw connection, for appenders and prepared statements. */
    readonly raw: RawConnection,
  ) {}

  /**
   * Opens (creating if needed) a DuckDB file, or `:memory:`.
   * @throws SourceError (not retryable) when the file is locked by another process or cannot be opened.
   */
  static async open(path: string): Promise<DuckDbConnection> {
    refuseNonDuckDbFile(path);
    try {
      const instance = await DuckDBInstance.create(path);
      const raw = await instance.connect();
      return new DuckDbConnection(path, instance, raw);
    } catch (e) {
      const msg = (e as Error).message;
      if (/lock/i.test(msg)) {
        throw new SourceError(path, 'database is in use by another process (DuckDB allows one process per file); close it and retry', false);
      }
      throw new SourceError(path, `cannot open database: ${msg.split('\n')[0]}`, false);
    }
  }

  /** Runs one or more statements. @throws SourceError with DuckDB's first message line. */
  async run(sql: string, params?: SqlParams): Promise<void> {
    try {
      await this.raw.run(sql, params);
    } catch (e) {
      throw this.wrap(e, sql);
    }
  }

  /** Runs a query and returns every row as a plain object (bigints converted to numbers). @throws SourceError. */
  async all<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    try {
      const reader = await this.raw.runAndReadAll(sql, params);
      return reader.getRowObjectsJS().map((r) => plain(r) as T);
    } catch (e) {
      throw this.wrap(e, sql);
    }
  }

  /**
   * Runs a query and hands each result chunk's vectors to `onChunk` (numbers and dates as typed arrays with a
   * validity mask): no value object per cell, the read for many numeric rows. @throws SourceError.
   */
  async eachChunk(sql: string, params: SqlParams | undefined, onChunk: (vectors: readonly DuckDBVector[], rowCount: number) => void): Promise<void> {
    try {
      const result = await this.raw.run(sql, params);
      for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        const vectors: DuckDBVector[] = [];
        for (let i = 0; i < chunk.columnCount; i++) vectors.push(chunk.getColumnVector(i));
        onChunk(vectors, chunk.rowCount);
      }
    } catch (e) {
      throw this.wrap(e, sql);
    }
  }

  /**
   * Runs a query and returns its columns (one array per column, in select order; bigints as numbers). The fast
   * path for many rows: no object per row. @throws SourceError.
   */
  async columns(sql: string, params?: SqlParams): Promise<{ names: string[]; columns: unknown[][] }> {
    try {
      const reader = await this.raw.runAndReadAll(sql, params);
      const columns = reader.getColumnsJS().map((col) => (col.some((v) => typeof v === 'bigint') ? col.map((v) => (typeof v === 'bigint' ? Number(v) : v)) : col));
      return { names: reader.columnNames(), columns: columns as unknown[][] };
    } catch (e) {
      throw this.wrap(e, sql);
    }
  }

  /**
   * Runs `fn` inside BEGIN/COMMIT; on any error rolls back (nothing of it stays) and rethrows.
   * Transactions are serialised; a call made inside `fn` joins the running transaction.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.txContext.getStore() === this) return fn();
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((r) => (release = r));
    await previous;
    try {
      return await this.txContext.run(this, async () => {
        await this.run('BEGIN TRANSACTION');
        try {
          const out = await fn();
          await this.run('COMMIT');
          return out;
        } catch (e) {
          await this.raw.run('ROLLBACK').catch(() => undefined);
          throw e;
        }
      });
    } finally {
      release();
    }
  }

  /**
   * An appender on `table` (the fastest bulk path). For a `CREATE TEMP TABLE`, pass `temp: true`.
   * Call `flushSync()` before reading the rows back, `closeSync()` when done.
   */
  async appender(table: string, temp = false): Promise<DuckDBAppender> {
    try {
      return await (temp ? this.raw.createAppender(table, 'main', 'temp') : this.raw.createAppender(table));
    } catch (e) {
      throw this.wrap(e, `appender ${table}`);
    }
  }

  /** Closes the connection and the file. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.raw.closeSync();
    this.instance.closeSync();
  }

  private wrap(e: unknown, sql: string): SourceError {
    const first = ((e as Error).message ?? String(e)).split('\n')[0];
    return new SourceError(this.path, `${first} (in: ${sql.replace(/\s+/g, ' ').trim().slice(0, 80)})`, false);
  }
}

function plain(r: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(r)) {
    if (v === null || v === undefined) out[k] = null;
    else if (typeof v === 'bigint') out[k] = Number(v);
    else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out[k] = v;
    else if (v instanceof Date) out[k] = v.toISOString();
    else out[k] = String(v);
  }
  return out;
}
