import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, InputError } from '../core/errors.js';
import { asIndexCode, asSecurityId, asSessionDate, type SessionDate } from '../core/units.js';
import type { Bar } from '../domain/bar.js';
import type { MembershipInterval } from '../domain/membership.js';
import type { BarStore } from '../store/ports.js';
import { indexSessionOn } from './index/storedIndex.js';
import { membersOn } from '../domain/membership.js';
import { equalWeightContributions, rankMovers, type MemberSession, type MoversReport } from '../analytics/members/rankMovers.js';
import { volumeFacts } from '../analytics/extremes/volumeVsAverage.js';
import { extremeIndexes } from '../analytics/extremes/windowExtreme.js';
import { BarColumns } from '../analytics/series/BarColumns.js';
import { readBarsFile } from '../sources/csvBars/readBarsFolder.js';
import { buildIndexFromFiles } from './buildIndex.js';
import { loadMembers } from './marketData.js';
import { checkSymbolName } from '../core/symbolName.js';

export interface MoversRequest {
  /** Index symbol, e.g. `HSTECH` (its own `SYMBOL.csv` gives the previous level for the fallback). */
  readonly symbol: string;
  readonly on: string;
  readonly dataDir: string;
  /** Membership file `symbol,name,from,to`; membership is taken as of `on`. */
  readonly membersPath: string;
  readonly top?: number;
  /** Methodology for engine contributions; default `methodologies/<symbol>-replica.yaml` when it exists. */
  readonly methodologyPath?: string;
}

/**
 * `indexwire movers`: the members of an index as of a date, ranked, with breadth and points contributed.
 * Contributions come from the index engine (buildIndexFromFiles) when a methodology is available, else from an
 * equal-weight approximation (said in `contributionSource` and `notes`).
 * @throws ConfigError on a bad date or top; InputError / SourceError on a bad members file
 */
export async function moversFromFiles(req: MoversRequest): Promise<MoversReport> {
  const { date, top } = moversArgs(req);
  const intervals = membersOn(loadMembers(req.membersPath), date);
  if (intervals.length === 0) throw new ConfigError({ source: req.membersPath, field: 'from', value: date, reason: 'no members on this date' });
  const notes: string[] = [];
  const { members, missing } = memberSessions(req.symbol, intervals, date, notes, (m) => {
    const path = join(req.dataDir, `${checkSymbolName(m.symbol, 'members file')}.csv`);
    if (!existsSync(path)) return { note: `${m.symbol}: no bar file ${path}` };
    const parsed = readBarsFile(path);
    if (parsed.rejected) return { note: `${m.symbol}: file rejected: ${parsed.issues[0]?.message ?? ''}` };
    return { bars: parsed.bars, source: path };
  });
  const { contributions, source } = await contributionsFor(req, date, members, notes);
  const report = rankMovers({ symbol: req.symbol, date, members, missing, contributions, contributionSource: source }, top);
  return notes.length > 0 ? { ...report, notes } : report;
}

/** `--on` and `--top` of a movers request, checked. */
function moversArgs(req: { on: string; top?: number }): { date: SessionDate; top: number } {
  let date: SessionDate;
  try {
    date = asSessionDate(req.on);
  } catch {
    throw new ConfigError({ source: '--on', value: req.on, reason: 'not a date (YYYY-MM-DD)' });
  }
  const top = req.top ?? 5;
  if (!Number.isInteger(top) || top < 1) throw new ConfigError({ source: '--top', value: String(req.top), reason: 'must be a whole number >= 1' });
  return { date, top };
}

/**
 * Each member's session on `date` from its bars (`barsOf` reads them from files or the store), with a note in
 * `notes` for every member that has none.
 * @throws InputError when not one member has a bar on the date: it is not a session in the data.
 */
function memberSessions<M extends { symbol: string; name: string }>(
  symbol: string,
  intervals: readonly M[],
  date: SessionDate,
  notes: string[],
  barsOf: (m: M) => { bars: readonly Bar[]; source: string } | { note: string },
): { members: MemberSession[]; missing: string[] } {
  const members: MemberSession[] = [];
  const missing: string[] = [];
  for (const m of intervals) {
    const read = barsOf(m);
    const r = 'note' in read ? read : memberSessionOf(m, read.bars, date, read.source);
    if ('note' in r) {
      missing.push(m.symbol);
      notes.push(r.note);
    } else members.push(r.member);
  }
  if (members.length === 0 && intervals.every((m) => notes.includes(`${m.symbol}: no bar on this date`))) {
    // Not one member traded: the date is not a session (a weekend or holiday), which is an input error, not news.
    throw new InputError({ source: '--on', value: date, reason: `no member of ${symbol} has a bar on this date: not a session in the data` });
  }
  return { members, missing };
}

/** A member's session for the movers report, or a note saying why it has none. */
function memberSessionOf(m: { symbol: string; name: string }, bars: readonly Bar[], date: SessionDate, source: string): { member: MemberSession } | { note: string } {
  const cols = BarColumns.fromBars(bars, source);
  const i = cols.dates.indexOf(date);
  if (i <= 0) return { note: `${m.symbol}: ${i < 0 ? 'no bar on this date' : 'first bar in the data, no previous close'}` };
  const hi = extremeIndexes(cols, { window: '52w', side: 'high', basis: 'close' })[i] as number;
  const lo = extremeIndexes(cols, { window: '52w', side: 'low', basis: 'close' })[i] as number;
  const vol = volumeFacts(cols, i);
  return {
    member: {
      symbol: m.symbol,
      name: m.name,
      close: cols.close(i),
      previousClose: cols.close(i - 1),
      high: cols.high(i),
      low: cols.low(i),
      volumeRatio: vol ? (vol[0]?.detail?.['ratio'] as number) : null,
      at52WeekHigh: hi < 0 ? null : hi === i,
      at52WeekLow: lo < 0 ? null : lo === i,
    },
  };
}

export interface MoversStoreRequest {
  readonly symbol: string;
  readonly on: string;
  /** Membership intervals (a `--members` file); default the store's memberships of `symbol`. */
  readonly members?: readonly MembershipInterval[];
  readonly top?: number;
  /** Methodology for engine contributions (read from the stored index sessions); default `methodologies/<symbol>-replica.yaml` when it exists. */
  readonly methodologyPath?: string;
  readonly membersPath?: string;
  readonly origin: string;
}

/**
 * `indexwire movers SYMBOL --on DATE --db FILE`: the same report from the store: members (given, else the store's),
 * their bars up to the date, contributions from the stored engine sessions (brought up to date) or the
 * equal-weight approximation with the stored index level.
 * @throws ConfigError on a bad date or top, or when no members are known; InputError when no member traded.
 */
export async function moversFromStore(market: BarStore, req: MoversStoreRequest): Promise<MoversReport> {
  const { date, top } = moversArgs(req);
  const all = req.members ?? (await market.getMemberships(asIndexCode(req.symbol)));
  if (all.length === 0) throw new ConfigError({ source: req.origin, field: 'memberships', value: req.symbol, reason: 'no members of this index in the store: pass --members FILE or import its <code>_members.csv' });
  const intervals = membersOn(all, date);
  if (intervals.length === 0) throw new ConfigError({ source: req.membersPath ?? req.origin, field: 'from', value: date, reason: 'no members on this date' });
  const series = await market.getBarsMany(intervals.map((m) => m.symbol), undefined, date);
  const notes: string[] = [];
  const { members, missing } = memberSessions(req.symbol, intervals, date, notes, (m) => {
    const bars = series.get(m.symbol);
    return bars === undefined ? { note: `${m.symbol}: no bars in ${req.origin}` } : { bars, source: `${req.origin}#${m.symbol}` };
  });
  let contributions: Map<string, number> | null = null;
  let source: string | null = null;
  const methodologyPath = req.methodologyPath ?? resolve('methodologies', `${req.symbol.toLowerCase()}-replica.yaml`);
  if (existsSync(methodologyPath)) {
    const s = await indexSessionOn(market, { methodologyPath, date, origin: req.origin, ...(req.membersPath ? { membersPath: req.membersPath } : {}) });
    if (s) {
      contributions = new Map(s.constituents.map((c) => [c.symbol as string, c.contributionPoints]));
      source = `engine ${s.code} (${methodologyPath}): points of the replica's move ${s.previousLevel ?? ''} -> ${s.level}`;
    } else notes.push(`engine ${methodologyPath}: no session on ${date}`);
  } else notes.push(`no methodology ${methodologyPath}: contributions approximated`);
  if (contributions === null && members.length > 0) {
    const level = (await market.lastBars([asSecurityId(req.symbol)], date, 2)).get(asSecurityId(req.symbol)) ?? [];
    if (level.length === 2 && level[1]?.date === date) {
      const prevLevel = (level[0] as Bar).close;
      contributions = equalWeightContributions(members, prevLevel);
      source = `equal-weight approximation: (1/${members.length}) x return x previous ${req.symbol} close ${prevLevel}; does not sum to the real index move`;
    }
  }
  const report = rankMovers({ symbol: req.symbol, date, members, missing, contributions, contributionSource: source }, top);
  return notes.length > 0 ? { ...report, notes } : report;
}

async function contributionsFor(req: MoversRequest, date: SessionDate, members: readonly MemberSession[], notes: string[]) {
  const methodologyPath = req.methodologyPath ?? resolve('methodologies', `${req.symbol.toLowerCase()}-replica.yaml`);
  if (existsSync(methodologyPath)) {
    try {
      const run = await buildIndexFromFiles({ methodologyPath, dataDir: req.dataDir, membersPath: req.membersPath, from: date, to: date });
      const s = run.sessions.find((x) => x.date === date);
      if (s) {
        return {
          contributions: new Map<string, number>(s.constituents.map((c) => [c.symbol, c.contributionPoints])),
          source: `engine ${s.code} (${methodologyPath}): points of the replica's move ${s.previousLevel ?? ''} -> ${s.level}`,
        };
      }
      notes.push(`engine ${methodologyPath}: no session on ${date}`);
    } catch (e) {
      notes.push(`engine ${methodologyPath} failed: ${(e as Error).message.split('\n')[0]}`);
    }
  } else notes.push(`no methodology ${methodologyPath}: contributions approximated`);
  const indexPath = join(req.dataDir, `${checkSymbolName(req.symbol)}.csv`);
  if (members.length === 0 || !existsSync(indexPath)) return { contributions: null, source: null };
  const bars = readBarsFile(indexPath).bars;
  const k = bars.findIndex((b) => b.date === date);
  if (k <= 0) return { contributions: null, source: null };
  const prevLevel = (bars[k - 1] as { close: number }).close;
  return {
    contributions: equalWeightContributions(members, prevLevel),
    source: `equal-weight approximation: (1/${members.length}) x return x previous ${req.symbol} close ${prevLevel}; does not sum to the real index move`,
  };
}
