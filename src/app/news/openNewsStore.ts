import { DuckDbNewsStore } from '../../store/news/DuckDbNewsStore.js';
import { MemoryNewsStore } from '../../store/news/MemoryNewsStore.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import { DEFAULT_DB_PATH } from '../openStore.js';

/**
 * Opens the news tables behind `--db FILE` (default ./indexwire.duckdb, the same file as the bar store),
 * runs `fn`, and always closes the file (one process owns a DuckDB file). `:memory:` gives the in-memory twin.
 * @throws SourceError when the file is in use by another process or cannot be opened.
 */
export async function withNewsStore<T>(path: string | undefined, fn: (store: NewsStore) => Promise<T>): Promise<T> {
  const p = path ?? DEFAULT_DB_PATH;
  const store: NewsStore = p === ':memory:' ? new MemoryNewsStore() : await DuckDbNewsStore.open(p);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
