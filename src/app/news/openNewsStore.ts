import { existsSync, rmSync } from 'node:fs';
import { SourceError } from '../../core/errors.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import { DEFAULT_DB_PATH, isPostgresUrl, openNewsStoreAt } from '../openStore.js';

/**
 * Opens the news tables behind `--db` (a DuckDB file, default ./indexwire.duckdb, the same file as the bar store, or a
 * `postgresql://` URL),
 * runs `fn`, and always closes the file (one process owns a DuckDB file). `:memory:` gives the in-memory twin.
 * With `mustExist` (readers such as search) a missing file is an error instead of a new empty database. With
 * `discardNewFileIf` a file this call created is removed when the predicate says the result stored nothing.
 * @throws SourceError when the file is missing (mustExist), in use by another process or cannot be opened.
 */
export async function withNewsStore<T>(
  path: string | undefined,
  fn: (store: NewsStore) => Promise<T>,
  opts: { mustExist?: boolean; discardNewFileIf?: (result: T | null) => boolean } = {},
): Promise<T> {
  const p = path ?? DEFAULT_DB_PATH;
  if (opts.mustExist && p !== ':memory:' && !isPostgresUrl(p) && !existsSync(p)) {
    throw new SourceError(p, 'no news database here (run `indexwire news ingest PATH --db FILE` first)', false);
  }
  // a new DuckDB file that ends up holding nothing (discardNewFileIf; null when fn threw) is removed again
  const isNewFile = opts.discardNewFileIf !== undefined && p !== ':memory:' && !isPostgresUrl(p) && !existsSync(p);
  const store: NewsStore = await openNewsStoreAt(p);
  let result: T | null = null;
  try {
    result = await fn(store);
    return result;
  } finally {
    await store.close();
    if (isNewFile && opts.discardNewFileIf?.(result) === true) for (const f of [p, `${p}.wal`]) rmSync(f, { force: true });
  }
}
