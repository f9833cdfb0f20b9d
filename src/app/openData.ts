import { existsSync } from 'node:fs';
import { redactUrl } from '../core/dbUrl.js';
import { SourceError } from '../core/errors.js';
import { MemoryBarStore } from '../store/memory/MemoryBarStore.js';
import { MemoryNewsStore } from '../store/news/MemoryNewsStore.js';
import type { NewsStore } from '../store/news/NewsStore.js';
import type { BarStore } from '../store/ports.js';
import type { ImportReport } from './importBars.js';
import type { IngestSummary } from './news/ingest.js';
import { DEFAULT_DB_PATH, isPostgresUrl, newsStoreBeside, openStore } from './openStore.js';

/**
 * Where a command reads its data: `--db FILE` (a DuckDB store filled by `indexwire import` and `news ingest`; the
 * default `./indexwire.duckdb`), or `--data DIR` / `--news PATH`, which import that folder into an in-memory store
 * first. Either way the command then reads through the same ports, so both give the same answer.
 */
export interface DataSource {
  /** DuckDB file (default ./indexwire.duckdb); must exist. Used for whatever `data` / `news` do not give. */
  readonly db?: string;
  /** Folder of bar CSVs (+ members and reference files), imported into an in-memory store. */
  readonly data?: string;
  /** News files or folders, ingested into an in-memory news store. */
  readonly news?: readonly string[];
  /** Import only these bar files of `data` (a command that knows what it reads; default every file). */
  readonly only?: ReadonlySet<string>;
}

/** The ports a command reads through, and what was imported on the way (for `--data` / `--news`). */
export interface DataPorts {
  readonly market: BarStore;
  /** Null when neither `--news` nor a store file gives news. */
  readonly news: NewsStore | null;
  /** What the market data came from, for messages: the folder or the store file. */
  readonly origin: string;
  readonly imported: ImportReport | null;
  readonly ingested: IngestSummary | null;
  close(): Promise<void>;
}

/**
 * Opens the ports of `src` (see {@link DataSource}). A `--db` file that does not exist is an error (a reader never
 * creates an empty store).
 * @throws SourceError when the store file is missing, locked or unreadable, or the folder cannot be read.
 */
export async function openData(src: DataSource, opts: { news?: boolean } = {}): Promise<DataPorts> {
  const wantNews = opts.news ?? true;
  let db: BarStore | null = null;
  const needDb = src.data === undefined || (wantNews && src.news === undefined && src.db !== undefined);
  if (needDb) {
    const path = src.db ?? DEFAULT_DB_PATH;
    if (path !== ':memory:' && !isPostgresUrl(path) && !existsSync(path)) {
      throw new SourceError(path, 'no store here: run `indexwire import DIR --db FILE` (and `indexwire news ingest PATH --db FILE`), or pass --data DIR', false);
    }
    db = await openStore(path);
  }
  try {
    let market: BarStore;
    let imported: ImportReport | null = null;
    if (src.data !== undefined) {
      const mem = new MemoryBarStore();
      // the importers (CSV parser, feeds, HTML) load only for a folder: a store read never pays for them
      const { importBars } = await import('./importBars.js');
      imported = await importBars(src.data, mem, { db: ':memory:', ...(src.only ? { only: src.only } : {}) });
      market = mem;
    } else market = db as BarStore;
    let news: NewsStore | null = null;
    let ingested: IngestSummary | null = null;
    if (wantNews && src.news !== undefined && src.news.length > 0) {
      news = new MemoryNewsStore();
      const { ingestNews } = await import('./news/ingest.js');
      ingested = await ingestNews(src.news, { store: news });
    } else if (wantNews && db !== null) news = await newsStoreBeside(db);
    const origin = src.data ?? redactUrl(src.db ?? DEFAULT_DB_PATH);
    return {
      market, news, origin, imported, ingested,
      async close() {
        await news?.close();
        await db?.close();
      },
    };
  } catch (e) {
    await db?.close();
    throw e;
  }
}

/** Opens the ports, runs `fn`, and always closes them (releasing the store file). */
export async function withData<T>(src: DataSource, fn: (d: DataPorts) => Promise<T>, opts: { news?: boolean } = {}): Promise<T> {
  const d = await openData(src, opts);
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}
