import { existsSync } from 'node:fs';
import { SourceError } from '../../core/errors.js';
import { DuckDbNewsStore } from '../../store/news/DuckDbNewsStore.js';
import { MemoryNewsStore } from '../../store/news/MemoryNewsStore.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import { DEFAULT_DB_PATH } from '../openStore.js';

/**
 * Opens the news tables behind `--db FILE` (default ./indexwire.duckdb, the same file as the bar store),
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
  if (opts.mustExist && p !== ':memory:' && !existsSync(p)) {
    throw new SourceError(p, 'no news database here (run `indexwire news ingest PATH --db FILE` first)', false);
  }
  const store: NewsStore = p === ':memory:' ? new MemoryNewsStore() : await DuckDbNewsStore.open(p);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
