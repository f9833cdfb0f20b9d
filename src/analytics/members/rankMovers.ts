import type { Mover } from '../../domain/fact.js';

/** One member on the session, as gathered by the app from its bar file (prices in its currency). */
export interface MemberSession {
  readonly symbol: string;
  readonly name: string;
  readonly close: number;
  readonly previousClose: number;
  readonly high: number;
  readonly low: number;
  /** Volume / average of the previous 20 sessions; null when unknown. */
  readonly volumeRatio: number | null;
  /** Close is the 52-week high (low) close; null when there is not 52 weeks of history. */
  readonly at52WeekHigh: boolean | null;
  readonly at52WeekLow: boolean | null;
}

export interface MoversInput {
  /** The index (or list) symbol. */
  readonly symbol: string;
  readonly date: string;
  readonly members: readonly MemberSession[];
  /** Members as of the date with no bar on it (suspended, not yet listed, missing file). */
  readonly missing: readonly string[];
  /** Index points each member added to the index move (from the engine); null when unknown. */
  readonly contributions: ReadonlyMap<string, number> | null;
  /** Where contributions come from, e.g. `engine HSTECH-R (methodologies/hstech-replica.yaml)`. */
  readonly contributionSource: string | null;
}

export interface Breadth {
  readonly advancers: number;
  readonly decliners: number;
  readonly unchanged: number;
  /** Members whose close is their 52-week high / low close (members without 52 weeks of data not counted). */
  readonly at52WeekHigh: number;
  readonly at52WeekLow: number;
  readonly newHighs: readonly string[];
  readonly newLows: readonly string[];
  readonly missing: readonly string[];
}

/** JSON contract of `indexwire movers`. Percentages in percent, unrounded. */
export interface MoversReport {
  readonly symbol: string;
  readonly date: string;
  /** Members with a bar on the date (the ones ranked). */
  readonly members: number;
  /** Top N by close change, highest first / lowest first. */
  readonly gainers: readonly Mover[];
  readonly losers: readonly Mover[];
  /** Top N by intraday extreme (high / low against the previous close). */
  readonly intraday: { readonly gainers: readonly Mover[]; readonly losers: readonly Mover[] };
  /** Top N by points added to / taken from the index (empty when contributions are unknown). */
  readonly contributors: { readonly top: readonly Mover[]; readonly bottom: readonly Mover[] };
  /** Top N by volume against the 20-session average. */
  readonly volume: readonly Mover[];
  readonly breadth: Breadth;
  readonly contributionSource: string | null;
  /** Plain-words notes from the app (members without data, engine fallbacks). */
  readonly notes?: readonly string[];
}

const byDesc = (f: (m: Mover) => number) => (a: Mover, b: Mover) => f(b) - f(a) || a.symbol.localeCompare(b.symbol);

/**
 * Ranks an index's members on one session: gainers and losers by close and by intraday extreme, points
 * contributed, volume against the 20-session average, and breadth. Pure; contributions come in as a map.
 * A gainer's `asMuchAsPct` is its high against the previous close, a loser's its low; everyone else's is the
 * larger of the two moves in size. Ties are broken by symbol so the output is stable.
 * @example rankMovers({symbol:'HSTECH', date:'2025-02-07', members, missing:[], contributions:null, contributionSource:null}, 5)
 */
export function rankMovers(input: MoversInput, top = 5): MoversReport {
  const movers = input.members.map((m): Mover & { upPct: number; downPct: number } => {
    const changePct = (m.close / m.previousClose - 1) * 100;
    const upPct = (m.high / m.previousClose - 1) * 100;
    const downPct = (m.low / m.previousClose - 1) * 100;
    return {
      symbol: m.symbol,
      name: m.name,
      close: m.close,
      changePct,
      asMuchAsPct: changePct > 0 ? upPct : changePct < 0 ? downPct : Math.abs(upPct) >= Math.abs(downPct) ? upPct : downPct,
      contributionPoints: input.contributions?.get(m.symbol) ?? null,
      previousClose: m.previousClose,
      volumeRatio: m.volumeRatio,
      upPct,
      downPct,
    };
  });
  const strip = ({ upPct: _u, downPct: _d, ...m }: Mover & { upPct: number; downPct: number }): Mover => m;
  const take = (xs: (Mover & { upPct: number; downPct: number })[], cmp: (a: Mover, b: Mover) => number, keep: (m: Mover) => boolean) =>
    xs.filter(keep).sort(cmp).slice(0, top).map(strip);
  const withPct = (m: Mover & { upPct: number; downPct: number }, pct: number) => ({ ...m, asMuchAsPct: pct });
  const known = movers.filter((m) => m.contributionPoints !== null);
  return {
    symbol: input.symbol,
    date: input.date,
    members: movers.length,
    gainers: take(movers, byDesc((m) => m.changePct), (m) => m.changePct > 0),
    losers: take(movers, byDesc((m) => -m.changePct), (m) => m.changePct < 0),
    intraday: {
      gainers: take(movers.map((m) => withPct(m, m.upPct)), byDesc((m) => m.asMuchAsPct), (m) => m.asMuchAsPct > 0),
      losers: take(movers.map((m) => withPct(m, m.downPct)), byDesc((m) => -m.asMuchAsPct), (m) => m.asMuchAsPct < 0),
    },
    contributors: {
      top: take(known, byDesc((m) => m.contributionPoints ?? 0), (m) => (m.contributionPoints ?? 0) > 0),
      bottom: take(known, byDesc((m) => -(m.contributionPoints ?? 0)), (m) => (m.contributionPoints ?? 0) < 0),
    },
    volume: take(movers, byDesc((m) => m.volumeRatio ?? 0), (m) => m.volumeRatio !== null && m.volumeRatio !== undefined),
    breadth: {
      advancers: movers.filter((m) => m.changePct > 0).length,
      decliners: movers.filter((m) => m.changePct < 0).length,
      unchanged: movers.filter((m) => m.changePct === 0).length,
      at52WeekHigh: input.members.filter((m) => m.at52WeekHigh === true).length,
      at52WeekLow: input.members.filter((m) => m.at52WeekLow === true).length,
      newHighs: input.members.filter((m) => m.at52WeekHigh === true).map((m) => m.symbol).sort(),
      newLows: input.members.filter((m) => m.at52WeekLow === true).map((m) => m.symbol).sort(),
      missing: [...input.missing].sort(),
    },
    contributionSource: input.contributionSource,
  };
}

/**
 * Fallback when no engine methodology is available: an equal-weight approximation of each member's points,
 * `(1 / n) x return x previousIndexLevel`. It sums to the move of an equal-weight index scaled to the index's
 * previous level, NOT to the real index move; `contributionSource` says so.
 */
export function equalWeightContributions(members: readonly MemberSession[], previousIndexLevel: number): Map<string, number> {
  const n = members.length;
  return new Map(members.map((m) => [m.symbol, (1 / n) * (m.close / m.previousClose - 1) * previousIndexLevel]));
}
