import type { SecurityId, SessionDate } from '../core/units.js';

/**
 * A corporate action, effective at the open of `exDate`.
 * - split: `ratio` new shares per old share (2 for a 2:1 split; 0.5 for a 1:2 consolidation).
 * - cash_dividend: ordinary dividend per share (price index does not adjust; total return reinvests).
 * - special_dividend: per share; the price index adjusts the divisor.
 * - rights_issue: `newShares` new per `oldShares` held at `subscriptionPrice`.
 */
export type CorporateAction =
  | { readonly kind: 'split'; readonly symbol: SecurityId; readonly exDate: SessionDate; readonly ratio: number }
  | { readonly kind: 'cash_dividend'; readonly symbol: SecurityId; readonly exDate: SessionDate; readonly amount: number }
  | { readonly kind: 'special_dividend'; readonly symbol: SecurityId; readonly exDate: SessionDate; readonly amount: number }
  | {
      readonly kind: 'rights_issue';
      readonly symbol: SecurityId;
      readonly exDate: SessionDate;
      readonly newShares: number;
      readonly oldShares: number;
      readonly subscriptionPrice: number;
    };

export type CorporateActionKind = CorporateAction['kind'];
