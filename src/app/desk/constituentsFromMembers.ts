import type { SecurityId, SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import { membersOn, type MembershipInterval } from '../../domain/membership.js';
import type { ConstituentRow, ConstituentTable } from './deskService.js';

/** Bars of one symbol with a date -> position map, for O(1) session lookups. */
export interface IndexedBars {
  readonly bars: readonly Bar[];
  readonly pos: ReadonlyMap<string, number>;
}

export function indexBars(bars: readonly Bar[]): IndexedBars {
  return { bars, pos: new Map(bars.map((b, i) => [b.date, i])) };
}

/**
 * The constituent table without an engine: the members on `date` from the membership file, each with
 * its close and its change against its previous bar (percent). Weight and contribution are null (only
 * the engine knows them). A member with no bar on `date` carries its last earlier close and is stale
 * (change null). Rows keep the membership file's order.
 */
export function constituentsFromMembers(
  code: string,
  date: SessionDate,
  members: readonly MembershipInterval[],
  series: ReadonlyMap<SecurityId, IndexedBars>,
): ConstituentTable {
  const rows: ConstituentRow[] = membersOn(members, date).map((m) => {
    const s = series.get(m.symbol);
    const i = s?.pos.get(date);
    if (s === undefined || i === undefined) {
      const last = s === undefined ? undefined : lastBefore(s.bars, date);
      return { symbol: m.symbol, name: m.name, weight: null, price: last?.close ?? null, changePct: null, contributionPoints: null, stale: true };
    }
    const bar = s.bars[i] as Bar;
    const prev = i > 0 ? (s.bars[i - 1] as Bar) : null;
    return {
      symbol: m.symbol,
      name: m.name,
      weight: null,
      price: bar.close,
      changePct: prev === null ? null : (bar.close / prev.close - 1) * 100,
      contributionPoints: null,
      stale: false,
    };
  });
  return { code, date, source: 'members', rows };
}

function lastBefore(bars: readonly Bar[], date: SessionDate): Bar | undefined {
  let lo = 0, hi = bars.length; // first index with bars[i].date >= date
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((bars[mid] as Bar).date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? bars[lo - 1] : undefined;
}
