import type { Bar } from './bar.js';
import type { CorporateAction } from './corporateAction.js';
import type { IndexSession } from './indexLevel.js';
import type { MembershipInterval } from './membership.js';
import type { Methodology } from './methodology.js';
import type { Security } from './security.js';
import type { SecurityId, SessionDate } from '../core/units.js';

/** The result of building an index: every session from the base date (limited to from..to), and what went wrong. */
export interface IndexRun {
  readonly methodology: Methodology;
  readonly sessions: IndexSession[];
  /** Plain-sentence issues (stale prices, members without data, ...); never silent. */
  readonly issues: string[];
}

/** Everything the engine needs besides the methodology; all plain data (the engine does no I/O). */
export interface IndexInput {
  /** Daily bars by symbol (members and, for `fit`, the target series). Closes are the prices used. */
  readonly bars: ReadonlyMap<SecurityId, readonly Bar[]>;
  /** Membership intervals, when the universe is a membership file. */
  readonly members?: readonly MembershipInterval[];
  /** Security master (shares, free float, attributes), for ffmcap ranking/weighting and filters. */
  readonly securities?: ReadonlyMap<SecurityId, Security>;
  readonly actions?: readonly CorporateAction[];
  /** Changes of shares outstanding (or free float) between reviews; the divisor keeps the level. */
  readonly shareChanges?: readonly ShareChange[];
  /** Session dates to compute; default: the union of bar dates of the universe's symbols. */
  readonly sessions?: readonly SessionDate[];
  /** Limit the returned sessions (levels are always computed from the base date). */
  readonly from?: SessionDate;
  readonly to?: SessionDate;
}

/**
 * A change of a constituent's shares outstanding (issuance, buyback) or free float between reviews, effective at
 * the open of `exDate`: index shares are multiplied by `factor` (new / old), the price does not change, and the
 * divisor changes so the level does not move.
 */
export interface ShareChange {
  readonly kind: 'share_change';
  readonly symbol: SecurityId;
  readonly exDate: SessionDate;
  readonly factor: number;
}

/** Every event the engine applies at the open of a session. */
export type EngineAction = CorporateAction | ShareChange;
