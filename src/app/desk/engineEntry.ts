import type { SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { IndexRun } from '../../domain/indexRun.js';
import type { IndexSession } from '../../domain/indexLevel.js';
import type { MembershipInterval } from '../../domain/membership.js';
import type { ConstituentTable, LevelPoint } from './deskService.js';

/** Level points of an engine run (price-return levels; no intraday range). */
export function engineLevelPoints(run: IndexRun): LevelPoint[] {
  return run.sessions.map((s) => ({
    date: s.date,
    level: s.level,
    high: null,
    low: null,
    changePct: s.previousLevel === null ? null : (s.level / s.previousLevel - 1) * 100,
  }));
}

/** Close-only bars of an engine run, so that analytics can find its milestones (close basis only). */
export function engineBars(run: IndexRun): Bar[] {
  return run.sessions.map((s) => ({ date: s.date, open: s.level, high: s.level, low: s.level, close: s.level, adjClose: null, volume: null }));
}

/**
 * The constituent table of one engine session: weight at the previous close (fraction), change in
 * percent, points contributed (they sum to the index's point move). Names from the membership file.
 */
export function engineConstituents(session: IndexSession, members: readonly MembershipInterval[] | null): ConstituentTable {
  const names = new Map((members ?? []).map((m) => [m.symbol as string, m.name]));
  return {
    code: session.code,
    date: session.date as SessionDate,
    source: 'engine',
    rows: session.constituents.map((c) => ({
      symbol: c.symbol,
      name: names.get(c.symbol) ?? c.symbol,
      weight: c.weight,
      price: c.price,
      changePct: c.change * 100,
      contributionPoints: c.contributionPoints,
      stale: c.stale,
    })),
  };
}
