import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { SourceError } from '../../core/errors.js';
import { applyMigrations } from './migrations.js';
import { redactUrl } from '../../core/dbUrl.js';

/** A query's parameters: node-postgres sends each as text (arrays as PostgreSQL array literals). */
export type PgParams = readonly unknown[];

/** SQLSTATEs after which a transaction is run again from the start: serialization failure, deadlock. */
const RETRY_CODES = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;


/**
 * A pool of connections to one PostgreSQL database (node-postgres), for the stores' own SQL: parameterised
 * queries only, a transaction helper that routes the queries made inside it to its connection, and the
 * repository's migrations applied on first use. DATE columns come back as `YYYY-MM-DD` strings and BIGINT as
 * numbers (never JavaScript Dates, which would depend on the machine's time zone).
 * @example
 * const db = await PgDatabase.open('postgresql://desk@127.0.0.1/desk');
 * await db.transaction(async () => db.query('INSERT INTO t VALUES ($1)', ['a']));
 * const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
 * await db.close();
 */
export class PgDatabase {
  private closed = false;
  private readonly tx = new AsyncLocalStorage<pg.PoolClient>();

  private constructor(
    /** The URL without its password (messages). */
    readonly label: string,
    readonly pool: pg.Pool,
  ) {}

  /**
   * Connects (a pool of up to `max` connections, default 8) and applies the migrations this version of Indexwire
   * knows and the database lacks (one transaction, under an advisory lock: processes starting at once apply them once).
   * @throws SourceError (one line) when the server cannot be reached, refuses the login, or holds a newer schema.
   */
  static async open(url: string, opts: { max?: number; applicationName?: string } = {}): Promise<PgDatabase> {
    const label = redactUrl(url);
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.max ?? 8,
      application_name: opts.applicationName ?? 'indexwire',
      connectionTimeoutMillis: 10_000,
      types: { getTypeParser: typeParser as never },
    });
    pool.on('error', () => undefined); // an idle client's error (server restart): the next query reconnects
    const db = new PgDatabase(label, pool);
    try {
      await db.query('SELECT 1');
      await applyMigrations(db);
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e instanceof SourceError ? e : db.wrap(e, 'connect');
    }
    return db;
  }

  /** Runs one parameterised statement; rows as objects. @throws SourceError with the server's message. */
  async query<T extends object = Record<string, unknown>>(sql: string, params: PgParams = []): Promise<T[]> {
    const client = this.tx.getStore() ?? this.pool;
    try {
      const r = await client.query(sql, params as unknown[]);
      return r.rows as T[];
    } catch (e) {
      throw this.wrap(e, sql);
    }
  }

  /** Runs a query and returns its rows as arrays (the fast path for many rows: no object per row). */
  async rows(sql: string, params: PgParams = []): Promise<unknown[][]> {
    const client = this.tx.getStore() ?? this.pool;
    try {
      const r = await client.query({ text: sql, values: params as unknown[], rowMode: 'array' });
      return r.rows as unknown[][];
    } catch (e) {
      throw this.wrap(e, sql);
    }
  }

  /**
   * Runs `fn` in one transaction on one connection (READ COMMITTED); a call made inside `fn` joins it. On any error
   * it rolls back (nothing of it stays) and rethrows; after a serialization failure or a deadlock (another process
   * wrote the same rows) the whole of `fn` runs again, up to 5 times. A process killed mid-way leaves nothing of it:
   * the server rolls back a transaction whose connection dropped.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.tx.getStore() !== undefined) return fn();
    for (let attempt = 1; ; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (e) {
        throw this.wrap(e, 'connect');
      }
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await this.tx.run(client, fn);
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        const code = codeOf(e);
        if (code !== null && RETRY_CODES.has(code) && attempt < MAX_ATTEMPTS) continue;
        throw e instanceof SourceError ? e : this.wrap(e, 'transaction');
      } finally {
        client.release(broken);
      }
    }
  }

  /** Closes every connection of the pool. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** A one-line SourceError for a driver or server error. */
  wrap(e: unknown, sql: string): SourceError {
    const err = e as Error & { code?: string };
    const first = (err.message ?? String(e)).split('\n')[0] ?? '';
    const why = err.code === 'ECONNREFUSED' ? `cannot connect (${first}): is the PostgreSQL server running?`
      : err.code === '28P01' ? `login refused: ${first}`
        : err.code === '3D000' ? `${first} (create it first: createdb, or CREATE DATABASE)`
          : `${first}${sql === 'connect' || sql === 'transaction' ? '' : ` (in: ${sql.replace(/\s+/g, ' ').trim().slice(0, 80)})`}`;
    const out = new SourceError(this.label, why, err.code === 'ECONNREFUSED' || err.code === '40001' || err.code === '40P01');
    out.cause = e; // keeps the SQLSTATE for transaction()'s retry
    return out;
  }
}

function codeOf(e: unknown): string | null {
  const c = (e as { code?: unknown; cause?: { code?: unknown } }).code ?? (e as { cause?: { code?: unknown } }).cause?.code;
  return typeof c === 'string' ? c : null;
}

const DATE = 1082;
const INT8 = 20;
const NUMERIC = 1700;

/** DATE as its `YYYY-MM-DD` text (never a local-time Date), BIGINT and NUMERIC as numbers; the rest as node-postgres parses them. */
function typeParser(oid: number, format?: 'text' | 'binary'): (v: string) => unknown {
  if (oid === DATE) return (v) => v;
  if (oid === INT8 || oid === NUMERIC) return (v) => Number(v);
  return pg.types.getTypeParser(oid, format ?? 'text') as (v: string) => unknown;
}
