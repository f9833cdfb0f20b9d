import type { IndexCode, SecurityId, SessionDate } from '../core/units.js';
import type { Bar } from '../domain/bar.js';
import type { IndexSession } from '../domain/indexLevel.js';
import type { MembershipInterval } from '../domain/membership.js';
import type { Security } from '../domain/security.js';

/**
 * What a batch write did. `written`: rows inserted or changed; `skipped`: rows identical to what was stored
 * (so a re-import writes 0); `rejected`: rows refused because they are invalid. A batch with any rejected row
 * is refused whole: `written` and `skipped` are then 0 and nothing was stored (`issues` says why).
 */
export interface WriteResult {
  readonly written: number;
  readonly skipped: number;
  readonly rejected: number;
  /** One line per rejected row: `source: symbol date: field "x": value "v" reason`. */
  readonly issues: readonly string[];
}

/**
 * The port every store implements (DuckDB file, in-memory twin; a server database later).
 * All writes are atomic per call: they store everything or nothing. Reads return copies in ascending date order.
 */
export interface BarStore {
  /**
   * Upserts the daily bars of one symbol. Bars must be valid (positive finite prices, low <= open, close <= high,
   * adjClose positive or null, volume non-negative or null) with unique dates; otherwise the batch is refused.
   * `source` (file path, feed name) is kept beside each row for the audit trail.
   * @throws SourceError when the database fails (nothing was written).
   */
  putBars(symbol: SecurityId, bars: readonly Bar[], source: string): Promise<WriteResult>;
  /** Bars of `symbol` with `from <= date <= to` (bounds optional), ascending; empty for an unknown symbol. */
  getBars(symbol: SecurityId, from?: SessionDate, to?: SessionDate): Promise<Bar[]>;
  /** Every symbol with at least one bar, sorted. */
  symbols(): Promise<SecurityId[]>;
  /** Number of stored bars per symbol, sorted by symbol. */
  barCounts(): Promise<Array<{ readonly symbol: SecurityId; readonly bars: number; readonly first: SessionDate; readonly last: SessionDate }>>;

  /** Upserts securities by id (identical rows are skipped). */
  putSecurities(securities: readonly Security[]): Promise<WriteResult>;
  /** Every stored security, sorted by id. */
  getSecurities(): Promise<Security[]>;

  /** Replaces the membership intervals of index `code` with `members` (one atomic swap). */
  putMemberships(code: IndexCode, members: readonly MembershipInterval[], source: string): Promise<WriteResult>;
  /** Membership intervals of index `code`, in the order they were given. */
  getMemberships(code: IndexCode): Promise<MembershipInterval[]>;

  /** Upserts engine output sessions keyed by (code, date). */
  putIndexSessions(sessions: readonly IndexSession[]): Promise<WriteResult>;
  /** Sessions of index `code` with `from <= date <= to`, ascending. */
  getIndexSessions(code: IndexCode, from?: SessionDate, to?: SessionDate): Promise<IndexSession[]>;

  /** Releases the store (closes the file). Idempotent. */
  close(): Promise<void>;
}
