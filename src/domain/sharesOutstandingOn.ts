import type { CorporateAction } from './corporateAction.js';

/**
 * Shares outstanding at the close of `date`: `shares` (the security master's count, taken as before every recorded
 * action, as the engine takes it) scaled by each action of the symbol going ex on or before `date`: a split by its
 * ratio, a rights issue by (old + new) / old. Dividends leave the count alone.
 * @example sharesOutstandingOn(1_000, 'A', [{kind: 'split', symbol: 'A', exDate: '2025-02-07', ratio: 2}], '2025-02-07') // 2,000
 */
export function sharesOutstandingOn(shares: number, symbol: string, actions: readonly CorporateAction[], date: string): number {
  let n = shares;
  for (const a of actions) {
    if (a.symbol !== symbol || a.exDate > date) continue;
    if (a.kind === 'split') n *= a.ratio;
    else if (a.kind === 'rights_issue') n *= (a.oldShares + a.newShares) / a.oldShares;
  }
  return n;
}
