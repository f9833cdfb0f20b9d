import { existsSync } from 'node:fs';
import { SourceError } from '../../core/errors.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import { DEFAULT_DB_PATH, isPostgresUrl, openNewsStoreAt } from '../openStore.js';

/**
 * Opens the news tables behind `--db` (a DuckDB file, default ./indexwire.duckdb, the same file as the bar store, or a
 * `postgresql://` URL),
 * runs `fn`, and always closes the file (one process owns a DuckDB file). `:memory:` gives the in-memory twin.
 * With `mustExist` (readers such as search) a missing file is an error instead of a new empty database.
 * @throws SourceError when the file is missing (mustExist), in use by another process or cannot be opened.
 */
export async function withNewsStore<T>(
  path: string | undefined,
  fn: (store: NewsStore) => Promise<T>,
  opts: { mustExist?: boolean } = {},
): Promise<T> {
  const p = path ?? DEFAULT_DB_PATH;
  if (opts.mustExist && p !== ':memory:' && !isPostgresUrl(p) && !existsSync(p)) {
    throw new SourceError(p, 'no news database here (run `indexwire news ingest PATH --db FILE` first)', false);
  }
  const store: NewsStore = await openNewsStoreAt(p);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
