import { DuckDbBarStore } from '../store/duckdb/DuckDbBarStore.js';
import { MemoryBarStore } from '../store/memory/MemoryBarStore.js';
import type { BarStore } from '../store/ports.js';
import { DEFAULT_DB_PATH } from './defaults.js';

/** The default store file of the CLI, in the working directory (defined in defaults.ts, light for the CLI). */
export { DEFAULT_DB_PATH };

/**
 * Opens the store behind `--db FILE`: a DuckDB file (created when missing), or the in-memory twin for
 * `:memory:`. One process owns a DuckDB file at a time.
 * @throws SourceError when the file is in use by another process or cannot be opened.
 */
export async function openStore(path: string = DEFAULT_DB_PATH): Promise<BarStore> {
  if (path === ':memory:') return new MemoryBarStore();
  return DuckDbBarStore.open(path);
}

/** Opens the store, runs `fn`, and always closes it (releasing the file lock). */
export async function withStore<T>(path: string | undefined, fn: (store: BarStore) => Promise<T>): Promise<T> {
  const store = await openStore(path);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
