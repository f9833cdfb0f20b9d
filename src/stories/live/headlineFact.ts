import type { Fact } from '../../domain/fact.js';

/** Thresholds of the live story desk's headline facts (percent). Documented in docs/realtime.md ("Live story desk"). */
export interface HeadlineOptions {
  /**
   * An index's "as much as" move (session high or low against the previous close) is a headline at this size
   * and at each further whole percent (default 3: the size at which a close-to-close move leads a story,
   * `bigMovePct` of the story writer).
   */
  readonly indexAsMuchAsPct?: number;
  /** The same for a stock (default 8). */
  readonly stockAsMuchAsPct?: number;
  /** A "biggest gain (loss) since D" is rarer than once a year when D is at least this many calendar days back (default 365). */
  readonly rareMoveDays?: number;
}

export const DEFAULT_HEADLINE: Required<HeadlineOptions> = { indexAsMuchAsPct: 3, stockAsMuchAsPct: 8, rareMoveDays: 365 };

const daysApart = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

/**
 * The headline a fact found during trading makes, as a stable key, or null when it is not headline news.
 * Two facts that would make the same headline (the intraday and the close-basis crossing of one regime, a
 * record close and a record high) share a key, so the desk writes once for them.
 * - `regime:<type>`: a bull market, bear market or correction entered (either basis);
 * - `record:high|low`: an all-time high or low (`all_time_*` new, or a `highest/lowest_since` of `record`);
 * - `rare_move:up|down`: the biggest one-session gain or loss since a date at least `rareMoveDays` back, or ever;
 * - `as_much_as:up|down:<n>`: the index (or stock) reached ±n% against the previous close, n ≥ the threshold.
 * @param kind whether the story's subject is an index or a stock (sets the "as much as" threshold).
 * @param session the session date (for the distance of "since" dates).
 * @example headlineKey({type: 'bull_market', basis: 'intraday', event: 'entered'}, 'index', '2025-02-07') // 'regime:bull_market'
 */
export function headlineKey(f: Fact, kind: 'index' | 'stock', session: string, opts: HeadlineOptions = {}): string | null {
  const o = { ...DEFAULT_HEADLINE, ...opts };
  switch (f.type) {
    case 'bull_market':
    case 'bear_market':
    case 'correction':
      return f.event === 'entered' ? `regime:${f.type}` : null;
    case 'all_time_high':
    case 'all_time_low':
      return f.event === 'new' ? `record:${f.type === 'all_time_high' ? 'high' : 'low'}` : null;
    case 'highest_since':
    case 'lowest_since':
      return f.since === 'record' ? `record:${f.type === 'highest_since' ? 'high' : 'low'}` : null;
    case 'biggest_gain_since':
    case 'biggest_loss_since': {
      if (f.basis !== 'close' || f.since === undefined) return null;
      const rare = f.since === 'record' || daysApart(f.since, session) >= o.rareMoveDays;
      return rare ? `rare_move:${f.type === 'biggest_gain_since' ? 'up' : 'down'}` : null;
    }
    case 'as_much_as': {
      if (typeof f.changePct !== 'number' || !Number.isFinite(f.changePct)) return null;
      const thr = kind === 'index' ? o.indexAsMuchAsPct : o.stockAsMuchAsPct;
      const size = Math.abs(f.changePct);
      if (size < thr) return null;
      return `as_much_as:${f.changePct > 0 ? 'up' : 'down'}:${Math.floor(size + 1e-12)}`;
    }
    default:
      return null;
  }
}
