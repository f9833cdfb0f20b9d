import type { Fact } from '../../domain/fact.js';

/** What a story can lead with, best first. */
export type LeadKind =
  | 'regime' // entered a bull or bear market, or a correction
  | 'record' // all-time high or low close
  | 'big_move' // a move at least `bigMovePct` either way
  | 'biggest_since' // best or worst day since a date
  | 'extreme_since' // highest or lowest close since a date, period highs and lows
  | 'streak'
  | 'move'; // the day's move, when nothing else is news

/**
 * News value of each lead, documented in docs/stories.md ("Deciding what is news"):
 * a regime change or a record comes before a big move, a big move before a "since" fact,
 * a "since" fact before a streak, and a streak before the plain move.
 */
export const LEAD_SCORE: Readonly<Record<LeadKind, number>> = {
  regime: 100,
  record: 90,
  big_move: 70,
  biggest_since: 65,
  extreme_since: 60,
  streak: 40,
  move: 10,
};

/** A "since" fact is news only when the date it reaches back to is at least this many calendar days away. */
export const MIN_SINCE_DAYS = 28;

function daysApart(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/** A fact with the lead kind it can carry and its score. */
export interface RankedFact {
  readonly kind: LeadKind;
  readonly score: number;
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
 * Ranks the day's facts by news value (stable: equal scores keep the analytics order).
 * A `big_move` entry is added when |changePct| ≥ bigMovePct, and a `move` entry always closes the list.
 * @param changePct the day's close-to-close change in percent (2.9 = 2.9%), null when unknown.
 * @param bigMovePct threshold in percent (3 for an index, 8 for a stock by default).
 * @param session the story's session date, for the "since" distance rule.
 * @param weekComplete whether the session closes its week (weekly facts are news only then).
 * @example rankFacts([{type: 'streak', basis: 'close', count: 5}], 1.8, 3)[0].kind // 'streak'
 */
export function rankFacts(facts: readonly Fact[], changePct: number | null, bigMovePct: number, session?: string, weekComplete = true): RankedFact[] {
  const out: RankedFact[] = [];
  for (const fact of facts) {
    const kind = leadKindOf(fact, session, MIN_SINCE_DAYS, weekComplete);
    if (kind) out.push({ kind, score: LEAD_SCORE[kind], fact });
  }
  if (changePct !== null && Math.abs(changePct) >= bigMovePct) {
    out.push({ kind: 'big_move', score: LEAD_SCORE.big_move, fact: null });
  }
  out.push({ kind: 'move', score: LEAD_SCORE.move, fact: null });
  return out.map((r, i) => ({ r, i })).sort((a, b) => b.r.score - a.r.score || a.i - b.i).map((x) => x.r);
}
