import type pg from 'pg';
import { CHANGES_CHANNEL, readRevisions, type StoreTopic } from './changes.js';
import type { PgDatabase } from './PgDatabase.js';

/** How often the counters are read when no NOTIFY came (a missed notification, a reconnect): ms. */
export const DEFAULT_POLL_MS = 2000;

/**
 * Tells a long-running reader (an API server) what other processes changed in the database, without a reload:
 * it LISTENs on `indexwire_changes` (every committed write NOTIFYs its topic) and also reads the change counters
 * every `pollMs`, so a notification lost with a dropped connection is caught by the next read. Either way it
 * compares the counters with the last ones it saw and calls `onChange` once with every topic that moved: a burst
 * of writes is one call, and a NOTIFY never delivers a change twice.
 */
export class PgChangeFeed {
  private listener: pg.PoolClient | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  private constructor(
    private readonly db: PgDatabase,
    private seen: Map<StoreTopic, number>,
    private readonly onChange: (topics: ReadonlySet<StoreTopic>) => void,
    private readonly onError: (e: Error) => void,
  ) {}

  /**
   * Starts from the current counters (what is stored now is what the caller has read).
   * @throws SourceError when the counters cannot be read.
   */
  static async start(db: PgDatabase, onChange: (topics: ReadonlySet<StoreTopic>) => void, opts: { pollMs?: number; onError?: (e: Error) => void } = {}): Promise<PgChangeFeed> {
    const feed = new PgChangeFeed(db, await readRevisions(db), onChange, opts.onError ?? (() => undefined));
    await feed.listen().catch((e: Error) => feed.onError(e)); // polling covers a failed LISTEN
    feed.timer = setInterval(() => void feed.check(), opts.pollMs ?? DEFAULT_POLL_MS);
    feed.timer.unref();
    return feed;
  }

  /** Reads the counters now and reports what moved (the poll and every NOTIFY call this; calls coalesce). */
  check(): Promise<void> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = (async () => {
      do {
        this.again = false;
        try {
          const now = await readRevisions(this.db);
          const moved = new Set<StoreTopic>();
          for (const [t, r] of now) if (r !== (this.seen.get(t) ?? 0)) moved.add(t);
          this.seen = now;
          if (moved.size > 0 && !this.stopped) this.onChange(moved);
        } catch (e) {
          this.onError(e as Error);
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = await this.db.pool.connect();
    this.listener = client;
    client.on('notification', () => void this.check());
    client.on('error', (e: Error) => {
      this.onError(e);
      if (this.listener === client) this.listener = null;
      client.release(true);
      // reconnect after a pause; the poll keeps readers current meanwhile
      setTimeout(() => void this.listen().catch((err: Error) => this.onError(err)), 1000).unref();
    });
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    await this.check(); // anything committed between the first read and LISTEN
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const l = this.listener;
    this.listener = null;
    if (l) {
      await l.query(`UNLISTEN ${CHANGES_CHANNEL}`).catch(() => undefined);
      l.release();
    }
    await this.pending;
  }
}
