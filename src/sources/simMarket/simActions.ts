import type { SecurityId, SessionDate } from '../../core/units.js';
import type { CorporateAction } from '../../domain/corporateAction.js';
import { roundToHkTick } from './hkTickSize.js';

/** A corporate action scheduled at session index `t` for stock index `stock`; amounts are set from the price then. */
export interface PlannedAction {
  readonly t: number;
  readonly stock: number;
  readonly kind: CorporateAction['kind'];
}

/**
 * The action schedule of the simulated market: stock 2 splits 2:1 at 40% of the path, stock 7 has a 1-for-5
 * rights issue at 50%, stock 5 pays a special dividend at 65%, and stocks 0, 1, 3 and 4 pay cash dividends
 * every 126 sessions (about half a year) from session 60 (offset by a week each).
 */
export function planActions(sessions: readonly SessionDate[], count: number, at: (f: number) => number): PlannedAction[] {
  const out: PlannedAction[] = [];
  if (count > 2) out.push({ t: at(0.4), stock: 2, kind: 'split' });
  if (count > 7) out.push({ t: at(0.5), stock: 7, kind: 'rights_issue' });
  if (count > 5) out.push({ t: at(0.65), stock: 5, kind: 'special_dividend' });
  for (const [k, stock] of [0, 1, 3, 4].entries()) {
    if (stock >= count) continue;
    for (let t = 60 + 5 * k; t < sessions.length; t += 126) out.push({ t, stock, kind: 'cash_dividend' });
  }
  return out;
}

/**
 * Applies today's actions to yesterday's close and returns the reference price the day's return starts from,
 * pushing each action (with its amount fixed from `prevClose`) to `out`:
 * split 2:1 -> P / 2; cash dividend 1.2% of P (to the cent) -> P - D; special dividend 8% of P -> P - D;
 * rights 1 new per 5 held at 80% of P (to the tick) -> TERP = (5 P + 1 S) / 6.
 */
export function referencePrice(
  prevClose: number,
  today: readonly PlannedAction[],
  symbol: SecurityId,
  exDate: SessionDate,
  out: CorporateAction[],
): number {
  let p = prevClose;
  for (const a of today) {
    if (a.kind === 'split') {
      out.push({ kind: 'split', symbol, exDate, ratio: 2 });
      p /= 2;
    } else if (a.kind === 'cash_dividend' || a.kind === 'special_dividend') {
      const amount = Math.max(0.01, Math.round(p * (a.kind === 'cash_dividend' ? 0.012 : 0.08) * 100) / 100);
      out.push({ kind: a.kind, symbol, exDate, amount });
      p -= amount;
    } else if (a.kind === 'rights_issue') {
      const subscriptionPrice = roundToHkTick(p * 0.8);
      out.push({ kind: 'rights_issue', symbol, exDate, newShares: 1, oldShares: 5, subscriptionPrice });
      p = (5 * p + subscriptionPrice) / 6;
    }
  }
  return p;
}
