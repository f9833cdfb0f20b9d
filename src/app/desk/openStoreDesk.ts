import { redactUrl } from '../../core/dbUrl.js';
import type { LiveLevelStore } from '../../store/levels/LiveLevelStore.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import type { BarStore } from '../../store/ports.js';
import { newsStoreBeside, openStore } from '../openStore.js';
import { createDesk } from './createDesk.js';
import type { DeskService } from './deskService.js';
import { findMethodology } from './findDeskFiles.js';

export interface StoreDeskOptions {
  /** `--db`: a DuckDB file or a `postgresql://` URL. */
  readonly db: string;
  /** Methodology the engine builds from the store; default the shipped one of the stored index (HSTECH, else the only one). */
  readonly methodologyPath?: string;
  /** False: no engine index (`serve --no-engine`). */
  readonly engine?: boolean;
  readonly storiesDir?: string;
  readonly securityMasterPath?: string;
  /** A reload after another process changed the store: one line saying what changed and what was re-read. */
  readonly onReload?: (message: string) => void;
  /** A failed reload or a lost listener (the previous state stays; the next change retries). */
  readonly onError?: (e: Error) => void;
}

/**
 * The desk of `serve --db`: everything it serves is read from the store (bars, memberships, the engine on them,
 * news, live levels), and kept current without a reload: on PostgreSQL it follows the change counters
 * (LISTEN/NOTIFY plus a 2 s poll, src/store/postgres/PgChangeFeed.ts) and reloads when another process committed
 * bars, reference data, index sessions or news, and refreshes the latest live levels when the aggregator stored
 * one. A DuckDB file has one process, so there is nothing to follow.
 * @throws SourceError when the store cannot be opened or read.
 */
export async function openStoreDesk(o: StoreDeskOptions): Promise<{ desk: DeskService; close(): Promise<void> }> {
  const market: BarStore = await openStore(o.db, { applicationName: 'indexwire serve' });
  let news: NewsStore | null = null;
  let levels: LiveLevelStore | null = null;
  let stopFeed: (() => Promise<void>) | null = null;
  const close = async (): Promise<void> => {
    await stopFeed?.();
    await levels?.close();
    await news?.close();
    await market.close();
  };
  try {
    news = await newsStoreBeside(market);
    levels = await liveLevelStoreBeside(market);
    let methodologyPath = o.methodologyPath;
    if (methodologyPath === undefined && o.engine !== false) {
      const codes = await market.membershipCodes();
      const code = codes.includes('HSTECH' as never) ? 'HSTECH' : codes.length === 1 ? (codes[0] as string) : null;
      methodologyPath = code !== null ? (findMethodology(code) ?? undefined) : undefined;
    }
    const origin = redactUrl(o.db);
    const desk = createDesk({
      dataDir: origin,
      store: { market, news, origin },
      liveLevels: levels,
      ...(methodologyPath !== undefined ? { methodologyPath } : {}),
      ...(o.storiesDir !== undefined ? { storiesDir: o.storiesDir } : {}),
      ...(o.securityMasterPath !== undefined ? { securityMasterPath: o.securityMasterPath } : {}),
    });
    await desk.indexes(); // read now: a bad store fails here, not on the first request
    await desk.refreshLive();
    stopFeed = await followChanges(market, async (topics) => {
      try {
        // news alone (the frequent case: an ingest every few minutes) re-reads the news only; anything else, everything
        if (topics.some((t) => t !== 'levels' && t !== 'news')) {
          const r = await desk.reload();
          o.onReload?.(`store changed (${topics.join(', ')}): reloaded ${r.series} series, ${r.news} articles`);
        } else if (topics.includes('news')) o.onReload?.(`store changed (news): re-read ${await desk.reloadNews()} articles`);
        await desk.refreshLive();
      } catch (e) {
        o.onError?.(e as Error);
      }
    }, o.onError);
    return { desk, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The live level store of the same database as `market`. */
async function liveLevelStoreBeside(market: BarStore): Promise<LiveLevelStore> {
  const { DuckDbBarStore } = await import('../../store/duckdb/DuckDbBarStore.js');
  if (market instanceof DuckDbBarStore) {
    const { DuckDbLiveLevelStore } = await import('../../store/duckdb/DuckDbLiveLevelStore.js');
    return DuckDbLiveLevelStore.open(market.db);
  }
  const { PgBarStore } = await import('../../store/postgres/PgBarStore.js');
  if (market instanceof PgBarStore) {
    const { PgLiveLevelStore } = await import('../../store/postgres/PgLiveLevelStore.js');
    return PgLiveLevelStore.open(market.db);
  }
  const { MemoryLiveLevelStore } = await import('../../store/levels/MemoryLiveLevelStore.js');
  return new MemoryLiveLevelStore();
}

/**
 * Calls `onChange` (one call at a time, never overlapping) with the topics other processes changed; returns the
 * stop function, or null for a store that only this process writes (DuckDB, memory).
 */
async function followChanges(market: BarStore, onChange: (topics: string[]) => Promise<void>, onError?: (e: Error) => void): Promise<(() => Promise<void>) | null> {
  const { PgBarStore } = await import('../../store/postgres/PgBarStore.js');
  if (!(market instanceof PgBarStore)) return null;
  const { PgChangeFeed } = await import('../../store/postgres/PgChangeFeed.js');
  let chain = Promise.resolve();
  const feed = await PgChangeFeed.start(market.db, (topics) => {
    chain = chain.then(() => onChange([...topics]));
  }, onError ? { onError } : {});
  return async () => {
    await feed.stop();
    await chain;
  };
}
