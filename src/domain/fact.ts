import type { SessionDate } from '../core/units.js';

/**
 * A fact that can make news, as emitted by analytics (issue "Market analytics") and read by stories.
 * Percentages are in percent (2.86 means 2.86%) and unrounded.
 */
export type FactType =
  | 'bull_market'
  | 'bear_market'
  | 'correction'
  | 'as_much_as'
  | 'period_high'
  | 'period_low'
  | 'all_time_high'
  | 'all_time_low'
  | 'highest_since'
  | 'lowest_since'
  | 'biggest_gain_since'
  | 'biggest_loss_since'
  | 'streak'
  | (string & {});

export interface FactReference {
  readonly date: SessionDate;
  readonly value: number;
}

export interface Fact {
  readonly type: FactType;
  readonly basis: 'close' | 'intraday';
  readonly event?: 'entered' | 'in' | 'snapped' | (string & {});
  /** In percent. */
  readonly changePct?: number;
  readonly value?: number;
  readonly reference?: FactReference;
  /** A date, or `record` when nothing in the data compares. */
  readonly since?: SessionDate | 'record';
  readonly count?: number;
  /** A period label such as `2024`, `52w`, `week`. */
  readonly period?: string;
  /** Extra detail for a specific detector (documented beside it). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** The milestones of one symbol on one session (JSON contract of `indexwire milestones`). */
export interface MilestoneReport {
  readonly symbol: string;
  readonly date: SessionDate;
  readonly close: number;
  readonly previousClose: number | null;
  /** In percent. */
  readonly changePct: number | null;
  readonly high: number;
  readonly low: number;
  readonly facts: readonly Fact[];
  /**
   * Plain-words notes: detectors that had not enough history (e.g. "not enough history for a 52-week high"),
   * gaps before the session, rows the source skipped. Optional (analytics issue).
   */
  readonly notes?: readonly string[];
}

/** One member's move (JSON contract of `indexwire movers`). */
export interface Mover {
  readonly symbol: string;
  readonly name: string;
  readonly close: number;
  /** In percent. */
  readonly changePct: number;
  /** Session high (for gainers) or low (for losers) against the previous close, in percent. */
  readonly asMuchAsPct: number;
  /** Points this member added to the index move; null when no engine contribution is known. */
  readonly contributionPoints: number | null;
  /** Previous close the moves are measured from (optional, analytics issue). */
  readonly previousClose?: number;
  /** Session volume against the average of the previous 20 sessions (1.5 = 50% above); null when unknown. */
  readonly volumeRatio?: number | null;
}
