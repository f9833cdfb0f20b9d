import type { SecurityId } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { IndexSession } from '../../domain/indexLevel.js';

/**
 * Turns engine sessions into a daily bar series of the index, so every `--data DIR` command (milestones,
 * story, serve) reads the index like any other series. `close` is the engine's level; `open` is the level at
 * the members' opening prices with the session's index shares and divisor (Σ shares × open / divisor).
 * Daily bars do not say when each member touched its high or low, so the index's intraday range is not known:
 * `high`/`low` are only max/min(open, close), and an "as much as" fact on this series is a lower bound.
 */
export function indexLevelBars(sessions: readonly IndexSession[], memberBars: ReadonlyMap<SecurityId, readonly Bar[]>): Bar[] {
  const byDate = new Map<SecurityId, Map<string, Bar>>();
  for (const [sym, bars] of memberBars) byDate.set(sym, new Map(bars.map((b) => [b.date as string, b])));
  return sessions.map((s) => {
    let openCap = 0;
    for (const c of s.constituents) {
      const bar = byDate.get(c.symbol)?.get(s.date);
      openCap += c.indexShares * (bar && !c.stale ? bar.open : c.price);
    }
    const open = s.constituents.length > 0 ? openCap / s.divisor : s.level;
    return {
      date: s.date,
      open,
      high: Math.max(open, s.level),
      low: Math.min(open, s.level),
      close: s.level,
      adjClose: null,
      volume: null,
    };
  });
}
