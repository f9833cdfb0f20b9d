import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hkexClosingAuction } from '../../calendar/hkexClosingAuction.js';
import { createHkexCalendar } from '../../calendar/hkexCalendar.js';
import type { SessionInterval } from '../../calendar/TradingCalendar.js';
import { withClosingAuction } from '../../calendar/withClosingAuction.js';
import { ConfigError, SourceError } from '../../core/errors.js';
import { asIndexCode, asSecurityId, type IndexCode, type SecurityId, type SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { IndexSession } from '../../domain/indexLevel.js';
import { membersOn } from '../../domain/membership.js';
import type { LiveFactOptions } from '../../realtime/LiveFactDetector.js';
import type { DayRange } from '../../realtime/generateTickPath.js';
import { equalWeightLiveState, liveStateFromIndexSession, validateLiveState, type LiveIndexState } from '../../realtime/liveIndexState.js';
import type { BarStore } from '../../store/ports.js';
import { buildIndexFromFiles, buildIndexFromStore } from '../buildIndex.js';
import { loadMarketData, loadMembers } from '../marketData.js';

export interface LiveSetupOptions {
  /** Folder of bar CSVs (one per symbol) with the membership file (when no `market` is given). */
  readonly dataDir: string;
  /**
   * A store to read instead of `dataDir` (`--db FILE`): the members' and the index's bars up to the session, the
   * stored members of `index` (unless `membersPath`), and the engine on the store.
   */
  readonly market?: { readonly store: BarStore; readonly origin: string };
  readonly date: SessionDate;
  /** Index code; its own bars `<code>.csv`, when present, give the previous close level. Default HSTECH. */
  readonly index?: string;
  /** Membership file; default `<dataDir>/hstech_members.csv`. */
  readonly membersPath?: string;
  /** JSON file with the engine's IndexSession of the previous session, or a LiveIndexState. */
  readonly statePath?: string;
  /** Methodology YAML: the engine builds the index to the previous session and the live state is its last review. */
  readonly methodologyPath?: string;
}

export interface LiveSetup {
  readonly state: LiveIndexState;
  /** `engine` (from --state) or `equal-weight` (stand-in). */
  readonly stateSource: 'engine' | 'equal-weight' | 'state-file';
  /** The engine's level for the session itself when it could be built (the end-of-day reference), else null. */
  readonly engineEod: { readonly level: number; readonly events: readonly string[] } | null;
  /** Continuous trading only (09:30-12:00, 13:00-16:00 HKT; half days 09:30-12:00): where the replay generator puts its trades. */
  readonly intervals: readonly SessionInterval[];
  /**
   * The hours the calculator and the publication schedule run on: {@link intervals} with the closing auction
   * appended to the last one (13:00-16:10 HKT; half days 09:30-12:10), so auction trades set the closes and
   * the close publication comes at the end of the auction.
   */
  readonly intervalsWithAuction: readonly SessionInterval[];
  readonly halfDay: boolean;
  /** The day's bar per member with one (for the replay generator and the EOD check). */
  readonly days: readonly { readonly symbol: SecurityId; readonly day: DayRange }[];
  readonly facts: LiveFactOptions;
  /** The index's daily bars before the session (the engine's levels, else its own CSV, else --index's), for the analytics detectors. */
  readonly history: readonly Bar[];
  /**
   * The index's own daily series in the data folder (`<index>.csv`, e.g. the official HSTECH), when there is one:
   * its bars before the session (the live story desk's history) and its bar on the session (a replay generates the
   * index's intraday path from it, as for the members). Null without the file.
   */
  readonly official: { readonly code: IndexCode; readonly history: readonly Bar[]; readonly day: DayRange | null } | null;
  /** The previous session's date. */
  readonly previousSession: SessionDate;
  /** Members' names from the membership file (English), when one was read or found. */
  readonly memberNames: ReadonlyMap<string, string>;
  readonly notes: readonly string[];
}

/**
 * Everything a live or replayed session of one index needs: the HKEX hours of the day (lunch break, half
 * days, the closing auction), the start state (the engine's previous session from `statePath`, else equal weights at the previous
 * closes scaled to the index's previous close) and the bull/bear references for live facts: the lowest and
 * highest index close of the 250 sessions before (a "recent low/peak" stand-in until analytics supplies its regime).
 * @throws ConfigError when the date is not a session or no member has a previous close; SourceError on unreadable files.
 */
export async function loadLiveSetup(o: LiveSetupOptions): Promise<LiveSetup> {
  const cal = createHkexCalendar();
  const info = cal.dayInfo(o.date);
  if (!info.isSession) throw new ConfigError({ source: 'live', field: 'date', value: o.date, reason: `not an HKEX session (${info.reason ?? 'closed'})` });
  const intervals = cal.sessionHours(o.date);
  const intervalsWithAuction = withClosingAuction(intervals, hkexClosingAuction(o.date));
  const prev = cal.previousSession(o.date);
  const code = asIndexCode(o.index ?? 'HSTECH');
  const fetched = new Map<SecurityId, readonly Bar[]>();
  const data: { readonly series: ReadonlyMap<SecurityId, readonly Bar[]> } = o.market ? { series: fetched } : loadMarketData(o.dataDir);
  // from a store, the series a setup reads (members, the index) are fetched once they are known, up to the session
  const fetchSeries = async (symbols: readonly string[]) => {
    if (!o.market) return;
    const want = [...new Set(symbols)].filter((s) => !data.series.has(asSecurityId(s))).map(asSecurityId);
    const got = await o.market.store.getBarsMany(want, undefined, o.date);
    for (const s of want) {
      const bars = got.get(s);
      if (bars && bars.length > 0) fetched.set(s, bars);
    }
  };
  const notes: string[] = [];
  const barOn = (sym: string, d: SessionDate): Bar | undefined => data.series.get(asSecurityId(sym))?.find((b) => b.date === d);
  let state: LiveIndexState;
  let stateSource: LiveSetup['stateSource'];
  let engineEod: LiveSetup['engineEod'] = null;
  let engineHistory: Bar[] | null = null;
  if (o.methodologyPath) {
    const run = o.market
      ? await buildIndexFromStore(o.market.store, { methodologyPath: o.methodologyPath, ...(o.membersPath ? { membersPath: o.membersPath } : {}), to: o.date, origin: o.market.origin })
      : await buildIndexFromFiles({ methodologyPath: o.methodologyPath, dataDir: o.dataDir, ...(o.membersPath ? { membersPath: o.membersPath } : {}), to: o.date });
    const before = run.sessions.filter((s) => s.date <= prev).at(-1);
    if (!before) throw new ConfigError({ source: o.methodologyPath, field: 'baseDate', value: run.methodology.baseDate, reason: `the engine has no session on or before ${prev}` });
    if (before.date !== prev) notes.push(`engine's last session before ${o.date} is ${before.date} (no ${prev})`);
    state = liveStateFromIndexSession(before, o.date);
    stateSource = 'engine';
    // The engine's own levels are the index's history (closes only: open = high = low = close).
    engineHistory = run.sessions.filter((s) => s.date < o.date).map((s) => ({ date: s.date, open: s.level, high: s.level, low: s.level, close: s.level, adjClose: null, volume: null }));
    const today = run.sessions.find((s) => s.date === o.date);
    if (today) engineEod = { level: today.level, events: today.events };
    notes.push(`engine state: ${run.methodology.code} on ${before.date}, divisor ${before.divisor}, ${state.members.length} members`);
  } else if (o.statePath) {
    if (!existsSync(o.statePath)) throw new SourceError(o.statePath, 'state file not found', false);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(o.statePath, 'utf8'));
    } catch (e) {
      throw new ConfigError({ source: o.statePath, reason: `not JSON: ${(e as Error).message}` });
    }
    const j = json as Partial<IndexSession & LiveIndexState>;
    if (Array.isArray(j.constituents)) {
      state = liveStateFromIndexSession(j as IndexSession, o.date);
      stateSource = 'engine';
    } else if (Array.isArray(j.members)) {
      state = validateLiveState({ ...(j as LiveIndexState), sessionDate: o.date }, o.statePath);
      stateSource = 'state-file';
    } else throw new ConfigError({ source: o.statePath, field: 'constituents', reason: 'expected an engine IndexSession (constituents) or a live state (members)' });
  } else {
    const membersPath = o.membersPath ?? (o.market ? o.market.origin : join(o.dataDir, 'hstech_members.csv'));
    const intervals = o.membersPath === undefined && o.market ? await o.market.store.getMemberships(code) : loadMembers(membersPath);
    if (o.market && intervals.length === 0) throw new ConfigError({ source: o.market.origin, reason: `no stored members of ${code}: import a ${code.toLowerCase()}_members.csv or pass --members FILE` });
    const members = membersOn(intervals, o.date);
    await fetchSeries([...members.map((m) => m.symbol), code]);
    const closes: { symbol: SecurityId; previousClose: number }[] = [];
    for (const m of members) {
      const b = barOn(m.symbol, prev);
      if (b) closes.push({ symbol: m.symbol, previousClose: b.close });
      else notes.push(`${m.symbol}: no bar on ${prev}; left out of the live index`);
    }
    if (closes.length === 0) throw new ConfigError({ source: membersPath, reason: `no member has a close on ${prev}` });
    const idxPrev = barOn(code, prev)?.close ?? 1000;
    state = equalWeightLiveState(code, o.date, closes, idxPrev);
    stateSource = 'equal-weight';
    notes.push(`equal-weight stand-in state at the ${prev} closes, scaled to ${idxPrev} (pass --state for the engine's)`);
  }
  await fetchSeries([...state.members.map((m) => m.symbol), state.code, code]);
  const days = state.members.flatMap((m) => {
    const b = barOn(m.symbol, o.date);
    return b ? [{ symbol: m.symbol, day: { open: b.open, high: b.high, low: b.low, close: b.close } }] : [];
  });
  // The engine's levels, else the index's own bars (HSTECH.csv), else those of --index.
  const series = engineHistory ?? data.series.get(asSecurityId(state.code)) ?? data.series.get(asSecurityId(code)) ?? [];
  const idx = series.filter((b) => b.date < o.date).slice(-250);
  const facts: LiveFactOptions = {};
  if (idx.length > 0) {
    const lo = idx.reduce((a, b) => (b.close < a.close ? b : a));
    const hi = idx.reduce((a, b) => (b.close > a.close ? b : a));
    Object.assign(facts, { bullReferenceLow: { date: lo.date, value: lo.close }, bearReferencePeak: { date: hi.date, value: hi.close } });
  }
  const history = series.filter((b) => b.date < o.date);
  const own = data.series.get(asSecurityId(code));
  const ownDay = own?.find((b) => b.date === o.date);
  const official = own && own.length > 0
    ? { code, history: own.filter((b) => b.date < o.date), day: ownDay ? { open: ownDay.open, high: ownDay.high, low: ownDay.low, close: ownDay.close } : null }
    : null;
  const membersFile = o.membersPath ?? join(o.dataDir, 'hstech_members.csv');
  const memberNames = new Map<string, string>(existsSync(membersFile) ? membersOn(loadMembers(membersFile), o.date).map((m) => [m.symbol as string, m.name]) : []);
  return { state, stateSource, engineEod, intervals, intervalsWithAuction, halfDay: info.isHalfDay, days, facts, history, official, previousSession: prev, memberNames, notes };
}
