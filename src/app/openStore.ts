import { DuckDbBarStore } from '../store/duckdb/DuckDbBarStore.js';
import { MemoryBarStore } from '../store/memory/MemoryBarStore.js';
import { DuckDbNewsStore } from '../store/news/DuckDbNewsStore.js';
import { MemoryNewsStore } from '../store/news/MemoryNewsStore.js';
import type { NewsStore } from '../store/news/NewsStore.js';
import type { BarStore } from '../store/ports.js';
import { isPostgresUrl } from '../core/dbUrl.js';
import { DEFAULT_DB_PATH } from './defaults.js';

/** The default store file of the CLI, in the working directory (defined in defaults.ts, light for the CLI). */
export { DEFAULT_DB_PATH };
export { isPostgresUrl };

/** What a process says it is to the database (PostgreSQL's `application_name`, seen in pg_stat_activity). */
export interface OpenStoreOptions {
  readonly applicationName?: string;
}

/**
 * Opens the store behind `--db`: a `postgresql://` URL (a database shared by many processes; node-postgres is
 * loaded only then, and the repository's migrations are applied on first use), a DuckDB file (created when
 * missing; one process owns it at a time), or the in-memory twin for `:memory:`.
 * @throws SourceError when the file is in use by another process, the server cannot be reached, or either refuses.
 */
export async function openStore(path: string = DEFAULT_DB_PATH, opts: OpenStoreOptions = {}): Promise<BarStore> {
  if (path === ':memory:') return new MemoryBarStore();
  if (isPostgresUrl(path)) {
    const { PgBarStore } = await import('../store/postgres/PgBarStore.js');
    return PgBarStore.open(path, opts);
  }
  return DuckDbBarStore.open(path);
}

/** Opens the store, runs `fn`, and always closes it (releasing the file lock or the connections). */
export async function withStore<T>(path: string | undefined, fn: (store: BarStore) => Promise<T>, opts: OpenStoreOptions = {}): Promise<T> {
  const store = await openStore(path, opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * The news store of the same database as `market` (the DuckDB file's connection, the PostgreSQL pool), or of
 * `path` for the in-memory twin. Closing it leaves `market` open.
 */
export async function newsStoreBeside(market: BarStore): Promise<NewsStore> {
  if (market instanceof DuckDbBarStore) return DuckDbNewsStore.open(market.db);
  if (market instanceof MemoryBarStore) return new MemoryNewsStore();
  const { PgBarStore } = await import('../store/postgres/PgBarStore.js');
  const { PgNewsStore } = await import('../store/postgres/PgNewsStore.js');
  if (market instanceof PgBarStore) return PgNewsStore.open(market.db);
  throw new TypeError('newsStoreBeside: unknown store');
}

/** Opens only the news tables behind `--db` (a URL, a DuckDB file, or `:memory:`). */
export async function openNewsStoreAt(path: string, opts: OpenStoreOptions = {}): Promise<NewsStore> {
  if (path === ':memory:') return new MemoryNewsStore();
  if (isPostgresUrl(path)) {
    const { PgNewsStore } = await import('../store/postgres/PgNewsStore.js');
    return PgNewsStore.open(path, opts);
  }
  return DuckDbNewsStore.open(path);
}
