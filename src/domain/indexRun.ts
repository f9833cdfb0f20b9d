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
  /** Session dates to compute; default: the union of bar dates of the universe's symbols. */
  readonly sessions?: readonly SessionDate[];
  /** Limit the returned sessions (levels are always computed from the base date). */
  readonly from?: SessionDate;
  readonly to?: SessionDate;
}
