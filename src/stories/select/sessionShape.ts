import type { Bar } from '../../domain/bar.js';
import type { DayMeasures } from './dayMeasures.js';
import type { Rarity, RarityHistory } from './factRarity.js';

/**
 * The smallest intraday move against the close, in percent of the previous close, that makes the session's shape
 * news (docs/stories.md, "The session's shape"): 2 for an index (two thirds of its 3% big move), 5 for a stock.
 */
export const SHAPE_MIN_PCT: Readonly<Record<'index' | 'stock', number>> = { index: 2, stock: 5 };

/** How the session moved when its close is on the other side of the previous close from an intraday extreme. */
export interface SessionShape {
  /** True: fell as much as `extremePct` then closed higher (a rebound); false: rose as much, then closed lower. */
  readonly rebound: boolean;
  /** The intraday extreme against the close, vs the previous close, in percent (signed: negative for a rebound). */
  readonly extremePct: number;
}

/**
 * A reversal: the session's low at least `minPct` below the previous close and a close above it (a rebound from
 * a deep intraday loss), or its high at least `minPct` above and a close below it (a gain erased). Null otherwise,
 * on an unchanged close, or without a previous close.
 * @example sessionShape(dayMeasures(hstech, '2025-04-09'), 2) // {rebound: true, extremePct: -5.96}: low 4,296.16 / 4,568.38 - 1; close +2.64%
 */
export function sessionShape(day: DayMeasures, minPct: number): SessionShape | null {
  const c = day.changePct;
  if (c === null || c === 0 || day.lowPct === null || day.highPct === null) return null;
  if (c > 0 && day.lowPct <= -minPct) return { rebound: true, extremePct: day.lowPct };
  if (c < 0 && day.highPct >= minPct) return { rebound: false, extremePct: day.highPct };
  return null;
}

/**
 * How rare a reversal from an intraday move of `extremePct` is in the series' history: the sessions with a real
 * range (high above low: HSTECH's back-filled closes before its July 2020 launch have none) divided by the
 * sessions, this one included, whose close crossed the previous close after an intraday move at least as large the
 * other way (either kind: rebounds and gains erased).
 * @example shapeRarity({bars: hstech, index: i20250409}, -5.96).onceInSessions // 1,148 ranged sessions / 1
 */
export function shapeRarity(h: RarityHistory, extremePct: number): Rarity {
  const size = Math.abs(extremePct) - 1e-12;
  let ranged = 0;
  let asLarge = 0;
  for (let i = 1; i <= h.index; i++) {
    const b = h.bars[i] as Bar;
    if (!(b.high > b.low)) continue;
    ranged++;
    const p = (h.bars[i - 1] as Bar).close;
    if ((b.close > p && (b.low / p - 1) * 100 <= -size) || (b.close < p && (b.high / p - 1) * 100 >= size)) asLarge++;
  }
  return { onceInSessions: Math.max(1, ranged) / Math.max(1, asLarge), record: asLarge <= 1 };
}
