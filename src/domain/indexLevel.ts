import type { IndexCode, SecurityId, SessionDate } from '../core/units.js';

/** One constituent of an index on one session (engine output). */
export interface ConstituentSession {
  readonly symbol: SecurityId;
  /** Weight at the previous close (fraction); the weight the day's return is earned on. */
  readonly weight: number;
  /** Index shares (units of the security held by the index), fixed between events. */
  readonly indexShares: number;
  /** Price used today (the close, or the carried close when stale). */
  readonly price: number;
  /** Previous close adjusted for today's corporate actions. */
  readonly previousPrice: number;
  /** Fractional change (0.018 = +1.8%). */
  readonly change: number;
  /** Points this constituent added to the index's move today; they sum to the index's point change. */
  readonly contributionPoints: number;
  /** True when there was no bar today and the last close was carried. */
  readonly stale: boolean;
}

/** One session of an index (engine output). */
export interface IndexSession {
  readonly code: IndexCode;
  readonly date: SessionDate;
  /** Price-return level. */
  readonly level: number;
  /** Gross total-return level. */
  readonly levelTr: number;
  readonly divisor: number;
  readonly divisorTr: number;
  /** Previous price-return level (null on the base date). */
  readonly previousLevel: number | null;
  readonly constituents: readonly ConstituentSession[];
  /** Events applied before this session's open (review, split, ...), for the audit trail. */
  readonly events: readonly string[];
}
