import type { Bar } from '../../domain/bar.js';
import type { Fact } from '../../domain/fact.js';
import { findBarIndex } from './dayMeasures.js';

/** Sessions in a year, to say a rarity in years (HKEX: 245-250; one round figure for every market). */
export const SESSIONS_PER_YEAR = 250;

/** The series' own history the rarity of a fact is measured against: bars up to and including the session `index`. */
export interface RarityHistory {
  readonly bars: readonly Bar[];
  readonly index: number;
}

/**
 * How rare one fact is, in the series' own history: "something like this happens once in `onceInSessions`
 * sessions". A record (nothing in the data compares) is as rare as the whole history.
 */
export interface Rarity {
  readonly onceInSessions: number;
  /** True when nothing earlier in the data compares (a record in the data; "ever" only when history is complete). */
  readonly record: boolean;
}

const regimeCache = new WeakMap<readonly Bar[], Map<string, number>>();

/**
 * Sessions between the session and an earlier date in the bars (the number of sessions since then), from the
 * bars when they hold that date, else from `count` (analytics' own session or week count), else from the
 * calendar (250 sessions a year).
 */
function sessionsSince(h: RarityHistory | undefined, since: string, count: number | undefined, weeks: boolean, session: string | undefined): number {
  if (h) {
    const j = findBarIndex(h.bars, since);
    if (j >= 0) return h.index - j;
    // a weekly fact's `since` is the week's last session, always a bar; a date before the data: the whole history
    if (since < ((h.bars[0] as Bar | undefined)?.date ?? since)) return h.index + 1;
  }
  if (typeof count === 'number') return weeks ? count * 5 : count;
  if (session) return Math.max(1, Math.round(((Date.parse(`${session}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / 86_400_000) * (SESSIONS_PER_YEAR / 365)));
  return 1;
}

/**
 * Entries into a regime in the closes of `bars[0..=index]`, by the state machine of docs/analytics.md
 * (20% from the leg's extreme flips bull and bear; 10% below a bull leg's peak enters a correction, over at the
 * next peak). Used only to say how often the series enters a regime; the regime fact itself comes from analytics.
 */
export function regimeEntries(bars: readonly Bar[], index: number): { bull_market: number; bear_market: number; correction: number } {
  let regime = 0, legVal = 0, maxVal = NaN, minVal = NaN, inCorr = false;
  const n = { bull_market: 0, bear_market: 0, correction: 0 };
  for (let i = 0; i <= index; i++) {
    const c = (bars[i] as Bar).close;
    if (regime === 0) {
      if (Number.isNaN(maxVal)) maxVal = minVal = c;
      else if (c >= minVal * 1.2) ((regime = 1), (legVal = c), n.bull_market++);
      else if (c <= maxVal * 0.8) ((regime = -1), (legVal = c), n.bear_market++);
      else ((maxVal = Math.max(maxVal, c)), (minVal = Math.min(minVal, c)));
    } else if (regime === 1) {
      if (c > legVal) ((legVal = c), (inCorr = false));
      if (c <= legVal * 0.8) ((regime = -1), (legVal = c), (inCorr = false), n.bear_market++);
      else if (c <= legVal * 0.9 && !inCorr) ((inCorr = true), n.correction++);
    } else {
      if (c < legVal) legVal = c;
      if (c >= legVal * 1.2) ((regime = 1), (legVal = c), n.bull_market++);
    }
  }
  return n;
}

/**
 * The rarity of one analytics fact that can lead a story (see rankFacts.leadKindOf), measured in the series' own
 * history (docs/stories.md, "Deciding what is news"):
 * - a "since" fact (biggest gain or loss, best or worst week, highest or lowest close since D): the sessions since D;
 *   `since: "record"` is the whole history;
 * - a record close: the whole history;
 * - a new period high or low: the period's length (52 weeks: 250 sessions; a calendar year: its sessions so far);
 * - a streak: the sessions since the last streak at least as long (`since`), or the whole history;
 * - entering a regime: the history divided by the number of times the series entered it (this one included).
 * @param h the series' bars (without them, analytics' counts and the calendar stand in).
 * @example rarityOf({type: 'biggest_loss_since', basis: 'close', since: 'record'}, {bars, index: 2522}).onceInSessions // 2523
 */
export function rarityOf(f: Fact, h?: RarityHistory, session?: string): Rarity {
  const all = h ? h.index + 1 : 10_000;
  const weeks = f.period === 'week';
  switch (f.type) {
    case 'all_time_high':
    case 'all_time_low':
      return { onceInSessions: all, record: true };
    case 'bull_market':
    case 'bear_market':
    case 'correction': {
      if (!h) return { onceInSessions: SESSIONS_PER_YEAR, record: false };
      let byType = regimeCache.get(h.bars);
      if (!byType) regimeCache.set(h.bars, (byType = new Map()));
      const key = `${f.type}@${h.index}`;
      let entries = byType.get(key);
      if (entries === undefined) {
        const counted = regimeEntries(h.bars, h.index);
        for (const t of ['bull_market', 'bear_market', 'correction'] as const) byType.set(`${t}@${h.index}`, counted[t]);
        entries = byType.get(key) as number;
      }
      return { onceInSessions: all / Math.max(1, entries), record: false };
    }
    case 'period_high':
    case 'period_low': {
      const p = f.period ?? '';
      if (/^\d+w$/.test(p)) return { onceInSessions: Math.round((Number.parseInt(p, 10) / 52) * SESSIONS_PER_YEAR), record: false };
      if (/^\d{4}$/.test(p) && h) {
        let j = h.index;
        while (j > 0 && (h.bars[j - 1] as Bar).date.slice(0, 4) === p) j--;
        return { onceInSessions: h.index - j + 1, record: false };
      }
      return { onceInSessions: 1, record: false };
    }
    default: {
      if (f.since === undefined) return { onceInSessions: 1, record: false };
      if (f.since === 'record') return { onceInSessions: all, record: true };
      return { onceInSessions: Math.max(1, sessionsSince(h, f.since, f.count, weeks, session)), record: false };
    }
  }
}

/**
 * How rare a one-session move of `changePct` is in the series' history: sessions divided by the sessions with a
 * move at least as large either way (this one included). 1 without history.
 */
export function moveRarity(h: RarityHistory | undefined, changePct: number): Rarity {
  if (!h) return { onceInSessions: 1, record: false };
  const size = Math.abs(changePct);
  let asLarge = 0;
  for (let i = 1; i <= h.index; i++) {
    const p = (h.bars[i - 1] as Bar).close;
    if (Math.abs(((h.bars[i] as Bar).close / p - 1) * 100) >= size - 1e-12) asLarge++;
  }
  return { onceInSessions: h.index / Math.max(1, asLarge), record: asLarge <= 1 };
}

/** Sessions of the trailing window the day's move is measured against ("a move beyond 3 standard deviations"). */
export const VOLATILITY_WINDOW = 60;

/**
 * The day's move in standard deviations of the previous `window` sessions' close-to-close changes (population
 * standard deviation, in percent); null with fewer than 20 earlier changes or a flat window.
 * @example moveSigmas({bars, index}, -17.16) // about 6.4 for HSTECH on 2025-04-07
 */
export function moveSigmas(h: RarityHistory, changePct: number, window = VOLATILITY_WINDOW): number | null {
  const from = Math.max(1, h.index - window);
  const xs: number[] = [];
  for (let i = from; i < h.index; i++) xs.push(((h.bars[i] as Bar).close / (h.bars[i - 1] as Bar).close - 1) * 100);
  if (xs.length < 20) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return sd > 0 ? Math.abs(changePct) / sd : null;
}
