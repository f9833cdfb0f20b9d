import type { IndexCode, SecurityId, SessionDate } from '../core/units.js';
import type { Bar } from '../domain/bar.js';
import type { CorporateAction } from '../domain/corporateAction.js';
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
  /**
   * Bars of several symbols in one read: `from <= date <= to` (bounds optional), ascending per symbol. Symbols
   * without bars in the range are absent from the map.
   */
  getBarsMany(symbols: readonly SecurityId[], from?: SessionDate, to?: SessionDate): Promise<Map<SecurityId, Bar[]>>;
  /**
   * The last `count` bars on or before `on` of each symbol, ascending (what a story needs of a member: its bar on the
   * session and the one before, however far back). Symbols without such bars are absent from the map.
   */
  lastBars(symbols: readonly SecurityId[], on: SessionDate, count: number): Promise<Map<SecurityId, Bar[]>>;
  /** Every symbol with at least one bar, sorted. */
  symbols(): Promise<SecurityId[]>;
  /** Number of stored bars per symbol, sorted by symbol. */
  barCounts(): Promise<Array<{ readonly symbol: SecurityId; readonly bars: number; readonly first: SessionDate; readonly last: SessionDate }>>;

  /** Upserts securities by id (identical rows are skipped). */
  putSecurities(securities: readonly Security[]): Promise<WriteResult>;
  /** Every stored security, sorted by id. */
  getSecurities(): Promise<Security[]>;

  /**
   * Upserts corporate actions keyed by (symbol, exDate, kind): identical ones are skipped, a changed one replaces the
   * stored one. Invalid actions (empty symbol, bad date, non-positive or non-finite numbers) refuse the batch.
   */
  putActions(actions: readonly CorporateAction[], source: string): Promise<WriteResult>;
  /** Every stored corporate action, by exDate, then symbol, then kind. */
  getActions(): Promise<CorporateAction[]>;

  /** Replaces the membership intervals of index `code` with `members` (one atomic swap). */
  putMemberships(code: IndexCode, members: readonly MembershipInterval[], source: string): Promise<WriteResult>;
  /** Membership intervals of index `code`, in the order they were given. */
  getMemberships(code: IndexCode): Promise<MembershipInterval[]>;

  /** Index codes with stored memberships, sorted. */
  membershipCodes(): Promise<IndexCode[]>;

  /**
   * The store's bar revision: 0 when empty, increased by every putBars that wrote at least one row. What an index
   * state was computed at, to tell whether bars it depends on changed since.
   */
  barRevision(): Promise<number>;
  /** For writes after revision `since`: per symbol, the earliest session date written (inserted or changed). */
  barChangesSince(since: number): Promise<Map<SecurityId, SessionDate>>;

  /** Upserts engine output sessions keyed by (code, date). */
  putIndexSessions(sessions: readonly IndexSession[]): Promise<WriteResult>;
  /** Sessions of index `code` with `from <= date <= to`, ascending. */
  getIndexSessions(code: IndexCode, from?: SessionDate, to?: SessionDate): Promise<IndexSession[]>;

  /** Deletes the stored sessions of index `code` on or after `from` (all of them without it); returns how many. */
  deleteIndexSessions(code: IndexCode, from?: SessionDate): Promise<number>;
  /** Replaces the engine state of index `code` (the state after its last stored session). */
  putIndexState(state: StoredIndexState): Promise<void>;
  /** The engine state of index `code`, or null. */
  getIndexState(code: IndexCode): Promise<StoredIndexState | null>;

  /** Releases the store (closes the file). Idempotent. */
  close(): Promise<void>;
}

/**
 * What the engine needs to continue an index from its last stored session instead of from the base date
 * (app/index/updateIndex.ts). `fingerprint` identifies the inputs other than bars (methodology text, members,
 * reference data): a different fingerprint means the stored sessions are not this index's. `barRevision` is the
 * store's bar revision when the state was computed: bars changed after it on or before `date` invalidate it.
 */
export interface StoredIndexState {
  readonly code: IndexCode;
  readonly fingerprint: string;
  /** The last session computed (the state is the one after it). */
  readonly date: SessionDate;
  readonly barRevision: number;
  /** The engine's serialised state (IndexCalculator.snapshot()), opaque to the store. */
  readonly state: string;
}
