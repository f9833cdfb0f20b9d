import type { MemberSession } from '../../domain/story.js';
import type { LedgerBuilder } from '../ledger/LedgerBuilder.js';
import type { BreadthLine, ContributionLine, MoverLine } from './planTypes.js';

/** How many members move with the index in the movers paragraph, and how many against it. */
export const MOVERS_WITH = 4;
export const MOVERS_AGAINST = 2;

/** Members' moves on the session, ledger-backed: movers, top contributors and breadth. */
export interface MembersPlan {
  readonly withMove: MoverLine[];
  readonly against: MoverLine[];
  readonly contributors: ContributionLine[];
  readonly breadth: BreadthLine | null;
}

/**
 * Ranks members by close-to-close change (members without a bar or a previous bar are left out; the
 * gates report them) and records each printed figure: change = close / previous close - 1, "as much as" =
 * high (gainers) or low (losers) / previous close - 1, in percent.
 * @param up the direction of the index's move (true when it rose or was flat).
 */
export function planMembers(members: readonly MemberSession[], up: boolean, session: string, ledger: LedgerBuilder, engineCode = 'engine'): MembersPlan {
  const moved = members
    .filter((m) => m.bar && m.previousBar)
    .map((m) => {
      const p = (m.previousBar as NonNullable<MemberSession['previousBar']>).close;
      const b = m.bar as NonNullable<MemberSession['bar']>;
      return { m, p, b, change: (b.close / p - 1) * 100 };
    });
  const line = (x: (typeof moved)[number]): MoverLine => {
    const gain = x.change >= 0;
    const extreme = gain ? x.b.high : x.b.low;
    return {
      symbol: x.m.symbol,
      names: x.m.names,
      changePct: ledger.add({
        id: `mover.${x.m.symbol}.change_pct`,
        kind: 'pct',
        value: x.change,
        dp: 1,
        source: { series: x.m.symbol, session, field: 'close; previous close', computation: '(close / previous close - 1) * 100' },
        inputs: { close: x.b.close, previousClose: x.p },
      }),
      asMuchAsPct: ledger.add({
        id: `mover.${x.m.symbol}.as_much_as_pct`,
        kind: 'pct',
        value: (extreme / x.p - 1) * 100,
        dp: 1,
        source: { series: x.m.symbol, session, field: `${gain ? 'high' : 'low'}; previous close`, computation: `(${gain ? 'high' : 'low'} / previous close - 1) * 100` },
        inputs: { [gain ? 'high' : 'low']: extreme, previousClose: x.p },
      }),
    };
  };
  const gainers = moved.filter((x) => x.change > 0).sort((a, b) => b.change - a.change || a.m.symbol.localeCompare(b.m.symbol));
  const losers = moved.filter((x) => x.change < 0).sort((a, b) => a.change - b.change || a.m.symbol.localeCompare(b.m.symbol));
  const [w, a] = up ? [gainers, losers] : [losers, gainers];
  const withMove = w.slice(0, MOVERS_WITH).map(line);
  const against = a.slice(0, MOVERS_AGAINST).map(line);

  const known = members.filter((m) => m.contributionPoints !== null && Number.isFinite(m.contributionPoints));
  const contributors = known
    .filter((m) => (up ? (m.contributionPoints as number) > 0 : (m.contributionPoints as number) < 0))
    .sort((x, y) => Math.abs(y.contributionPoints as number) - Math.abs(x.contributionPoints as number))
    .slice(0, 2)
    .map((m) => ({
      symbol: m.symbol,
      names: m.names,
      points: ledger.add({
        id: `contrib.${m.symbol}.points`,
        kind: 'points',
        value: m.contributionPoints as number,
        dp: 2,
        source: { series: m.symbol, session, field: 'contributionPoints', computation: `${engineCode}: index shares * (price - previous price) / divisor` },
      }),
    }));

  let breadth: BreadthLine | null = null;
  if (moved.length > 0) {
    const count = (id: string, v: number, what: string) =>
      ledger.add({ id: `breadth.${id}`, kind: 'count', value: v, dp: 0, source: { series: 'members', session, field: 'close; previous close', computation: what } });
    breadth = {
      total: count('total', members.length, 'members on the session'),
      up: count('up', gainers.length, 'members with close above previous close'),
      down: count('down', losers.length, 'members with close below previous close'),
      flat: count('flat', moved.length - gainers.length - losers.length, 'members with close equal to previous close'),
    };
  }
  return { withMove, against, contributors, breadth };
}
