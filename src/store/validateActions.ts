import { isSessionDate } from '../core/units.js';
import type { CorporateAction } from '../domain/corporateAction.js';

const positive = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x > 0;

/**
 * Problems of a batch of corporate actions, one line each (`source: symbol exDate kind: field "x": value "v" reason`);
 * empty when every action is valid: a non-empty symbol, a session date, positive finite numbers.
 */
export function validateActions(actions: readonly CorporateAction[], source: string): string[] {
  const issues: string[] = [];
  for (const a of actions) {
    const at = `${source}: ${a.symbol} ${a.exDate} ${a.kind}`;
    if (!a.symbol) issues.push(`${at}: field "symbol": empty`);
    if (!isSessionDate(a.exDate)) issues.push(`${at}: field "exDate": value "${a.exDate}" not a date (YYYY-MM-DD)`);
    const fields = a.kind === 'split' ? { ratio: a.ratio } : a.kind === 'rights_issue'
      ? { newShares: a.newShares, oldShares: a.oldShares, subscriptionPrice: a.subscriptionPrice } : { amount: a.amount };
    for (const [k, v] of Object.entries(fields)) if (!positive(v)) issues.push(`${at}: field "${k}": value "${String(v)}" must be a number > 0`);
  }
  return issues;
}

/** The key an action is stored under: one action of a kind per symbol and ex-date. */
export const actionKey = (a: CorporateAction): string => `${a.symbol}|${a.exDate}|${a.kind}`;

/** Sort order of stored actions: exDate, symbol, kind. */
export function compareActions(a: CorporateAction, b: CorporateAction): number {
  return a.exDate < b.exDate ? -1 : a.exDate > b.exDate ? 1 : a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}
