import type { SessionDate } from '../../core/units.js';
import type { Fact, MilestoneReport } from '../../domain/fact.js';

/** Calendar days a one-session move must reach back ("biggest gain since D") to be rarer than once a year. */
export const RARE_MOVE_MIN_DAYS = 365;

/** Why a stock's session is a headline (`desk run` writes its story); empty when it is not. */
export interface StockHeadline {
  readonly kind: 'regime' | 'record' | 'rare_move';
  readonly fact: Fact;
  /** In words, for the desk run's table. */
  readonly why: string;
}

/**
 * The rule `indexwire desk run` uses to give a stock its own story: the session has a headline fact on the close,
 * - a regime change: entered a bull market, a bear market or a correction;
 * - a record: a new all-time closing high or low in the data;
 * - a move rarer than once a year: the biggest one-session gain (loss) with none as large in the data, or none
 *   since a session at least {@link RARE_MOVE_MIN_DAYS} calendar days before.
 * Pure. Returns the reasons found, in that order (empty: no stock story).
 * @example stockHeadlines(report)[0]?.why // 'entered a bull market (20% above the low of 2025-01-13)'
 */
export function stockHeadlines(report: MilestoneReport): StockHeadline[] {
  const out: StockHeadline[] = [];
  const on = report.date as SessionDate;
  for (const f of report.facts) {
    if (f.basis !== 'close') continue;
    if ((f.type === 'bull_market' || f.type === 'bear_market' || f.type === 'correction') && f.event === 'entered') {
      const ref = f.reference ? ` (from ${f.reference.value} on ${f.reference.date})` : '';
      out.push({ kind: 'regime', fact: f, why: `entered ${f.type === 'correction' ? 'a correction' : `a ${f.type.replace('_', ' ')}`}${ref}` });
    }
  }
  for (const f of report.facts) {
    if (f.basis === 'close' && (f.type === 'all_time_high' || f.type === 'all_time_low') && f.event === 'new') {
      out.push({ kind: 'record', fact: f, why: `new ${f.type === 'all_time_high' ? 'record high' : 'record low'} close in the data` });
    }
  }
  for (const f of report.facts) {
    if (f.basis !== 'close' || (f.type !== 'biggest_gain_since' && f.type !== 'biggest_loss_since') || f.since === undefined) continue;
    const days = f.since === 'record' ? Infinity : (Date.parse(`${on}T00:00:00Z`) - Date.parse(`${f.since}T00:00:00Z`)) / 86_400_000;
    if (days < RARE_MOVE_MIN_DAYS) continue;
    const what = f.type === 'biggest_gain_since' ? 'biggest one-session gain' : 'biggest one-session loss';
    out.push({ kind: 'rare_move', fact: f, why: f.since === 'record' ? `${what} in the data` : `${what} since ${f.since}` });
  }
  return out;
}
