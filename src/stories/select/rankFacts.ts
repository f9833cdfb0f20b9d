import type { Fact } from '../../domain/fact.js';
import { moveRarity, rarityOf, type RarityHistory } from './factRarity.js';

/** What a story can lead with, best first. */
export type LeadKind =
  | 'regime' // entered a bull or bear market, or a correction
  | 'record' // all-time high or low close
  | 'big_move' // a move at least `bigMovePct` either way
  | 'biggest_since' // best or worst day since a date
  | 'shape' // a rebound from a deep intraday loss, or a gain erased (sessionShape.ts)
  | 'extreme_since' // highest or lowest close since a date, period highs and lows
  | 'streak'
  | 'move'; // the day's move, when nothing else is news

/**
 * Tie-break between facts of equal rarity (docs/stories.md, "Deciding what is news"): the order a desk would
 * pick between two facts that are equally rare. The score itself is the rarity (factRarity.ts).
 */
export const LEAD_ORDER: readonly LeadKind[] = ['record', 'biggest_since', 'regime', 'big_move', 'shape', 'extreme_since', 'streak', 'move'];

/** A "since" fact is news only when the date it reaches back to is at least this many calendar days away. */
export const MIN_SINCE_DAYS = 28;

function daysApart(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/** A fact with the lead kind it can carry and its score. */
export interface RankedFact {
  readonly kind: LeadKind;
  /** Rarity: the fact happens once in this many sessions of the series' own history (higher is rarer). */
  readonly score: number;
  /** True when nothing earlier in the data compares (a record in the data). */
  readonly record: boolean;
  readonly fact: Fact | null;
}

/**
 * Classifies one analytics fact; null for facts a story does not lead with (e.g. `as_much_as`, or the
 * status facts such as `all_time_high` without `event: "new"`, which only say where the record is).
 * "Since" facts count on the close basis only (the intraday twin would repeat them), and only when they
 * reach back at least `minSinceDays` calendar days from `session` ("biggest drop since four days ago" is not news).
 * Weekly facts (best or worst week, weekly streaks) count only when `weekComplete`: on a Monday the week has
 * just begun.
 */
export function leadKindOf(f: Fact, session?: string, minSinceDays = MIN_SINCE_DAYS, weekComplete = true): LeadKind | null {
  const isNew = f.event === 'new';
  const weekly = f.type === 'best_week_since' || f.type === 'worst_week_since' || (f.type === 'streak' && f.period === 'week');
  if (weekly && !weekComplete) return null;
  // The distance rule is for "since" facts; a streak's `since` (its last equal) is never said.
  if (f.type.endsWith('_since') && f.since !== undefined && f.since !== 'record' && session !== undefined && daysApart(f.since, session) < minSinceDays) return null;
  switch (f.type) {
    case 'bull_market':
    case 'bear_market':
    case 'correction':
      return f.event === 'entered' ? 'regime' : null;
    case 'all_time_high':
    case 'all_time_low':
      return isNew && f.basis === 'close' ? 'record' : null;
    case 'biggest_gain_since':
    case 'biggest_loss_since':
    case 'best_week_since':
    case 'worst_week_since':
      return f.since !== undefined && f.basis === 'close' ? 'biggest_since' : null;
    case 'highest_since':
    case 'lowest_since':
      return f.since !== undefined && f.basis === 'close' ? 'extreme_since' : null;
    case 'period_high':
    case 'period_low':
      return f.period !== undefined && isNew && f.basis === 'close' ? 'extreme_since' : null;
    case 'streak':
      // A snapped streak is over: "rises for N straight sessions" would be false.
      return typeof f.count === 'number' && f.count >= 3 && f.basis === 'close' && f.event !== 'snapped' ? 'streak' : null;
    default:
      return null;
  }
}

/**
 * Ranks the day's facts by rarity in the series' own history (factRarity.ts): how many sessions since a move,
 * a close or a streak like this one, a record as rare as the whole history, a regime change as rare as the
 * series makes them. Equal rarities keep LEAD_ORDER, then the analytics order.
 * A `big_move` entry (rarity: sessions per move at least as large) is added when |changePct| >= bigMovePct and no
 * "biggest one-day gain (loss) since" fact already says it; a `move` entry (rarity 1) always closes the list.
 * @param changePct the day's close-to-close change in percent (2.9 = 2.9%), null when unknown.
 * @param bigMovePct threshold in percent (3 for an index, 8 for a stock by default).
 * @param session the story's session date, for the "since" distance rule.
 * @param weekComplete whether the session closes its week (weekly facts are news only then).
 * @param history the series' bars up to the session: without them, analytics' counts and the calendar stand in.
 * @param shapeScore the rarity of the session's reversal (sessionShape.ts), null when the session did not reverse.
 * @example rankFacts([{type: 'biggest_loss_since', basis: 'close', since: 'record'}], -17.2, 3, '2025-04-07', false, h)[0].kind // 'biggest_since'
 */
export function rankFacts(facts: readonly Fact[], changePct: number | null, bigMovePct: number, session?: string, weekComplete = true, history?: RarityHistory, shapeScore: number | null = null): RankedFact[] {
  const out: RankedFact[] = [];
  let dailyBiggest = false;
  for (const fact of facts) {
    const kind = leadKindOf(fact, session, MIN_SINCE_DAYS, weekComplete);
    if (!kind) continue;
    if (fact.type === 'biggest_gain_since' || fact.type === 'biggest_loss_since') dailyBiggest = true;
    const r = rarityOf(fact, history, session);
    // A regime crossed only during trading is half the news of one confirmed at the close.
    out.push({ kind, score: fact.basis === 'intraday' ? r.onceInSessions / 2 : r.onceInSessions, record: r.record, fact });
  }
  if (changePct !== null && Math.abs(changePct) >= bigMovePct && !dailyBiggest) {
    const r = moveRarity(history, changePct);
    out.push({ kind: 'big_move', score: r.onceInSessions, record: r.record, fact: null });
  }
  if (shapeScore !== null) out.push({ kind: 'shape', score: shapeScore, record: false, fact: null });
  out.push({ kind: 'move', score: 1, record: false, fact: null });
  const order = (k: LeadKind) => LEAD_ORDER.indexOf(k);
  return out
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.score - a.r.score || order(a.r.kind) - order(b.r.kind) || a.i - b.i)
    .map((x) => x.r);
}
