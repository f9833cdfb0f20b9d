import { SourceError } from '../../core/errors.js';
import type { SecurityId, SessionDate } from '../../core/units.js';
import { BarColumns } from '../../analytics/series/BarColumns.js';
import { buildMilestoneReport } from '../../analytics/milestones.js';
import type { Article } from '../../domain/article.js';
import type { Bar } from '../../domain/bar.js';
import type { CorporateAction } from '../../domain/corporateAction.js';
import type { MilestoneReport } from '../../domain/fact.js';
import type { IndexSession } from '../../domain/indexLevel.js';
import { sharesOutstandingOn } from '../../domain/sharesOutstandingOn.js';
import { membersOn, type MembershipInterval } from '../../domain/membership.js';
import type { LinkedArticle, MemberSession, StoryInput, StoryNames } from '../../domain/story.js';
import type { CatalystClaim } from '../../domain/catalyst.js';
import { chooseCatalyst, type CatalystArticle } from '../../news/why/chooseCatalyst.js';
import { tieOf } from '../../news/why/explainSession.js';
import { TIE_WEIGHT } from '../../news/why/findThemes.js';
import { localDate } from '../../news/why/localDate.js';
import { sessionsBackOf, THEME_SESSIONS_BACK, themeNewsWindow } from '../../news/why/newsWindow.js';
import { rankMovers } from '../../news/why/rankMovers.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import type { BarStore } from '../../store/ports.js';
import { loadDescriptors } from '../descriptors.js';
import { loadMembers } from '../marketData.js';
import { withData } from '../openData.js';
import { loadSecurityMaster } from '../securityMaster.js';
import { NewsLinking } from './NewsLinking.js';
import { indexSessionOn } from '../index/storedIndex.js';

/** The ports a story reads through (app/openData.ts): market data, news, and where they came from. */
export interface StoryPorts {
  readonly market: BarStore;
  readonly news: NewsStore | null;
  /** The folder or store file, for messages. */
  readonly origin: string;
}

export interface StoryInputOptions {
  readonly symbol: string;
  readonly date: SessionDate;
  /** Where to read: open ports (a store), or else `dataDir` / `newsPath` imported into an in-memory store. */
  readonly ports?: StoryPorts;
  /** Folder of bar CSVs (`--data DIR`), when no `ports` are given. */
  readonly dataDir?: string;
  /** News file or folder (`--news`), when no `ports` are given: articles linked to the symbol or its members. */
  readonly newsPath?: string;
  /** Membership file: with it an index story names movers and breadth; without it (or for a stock), the symbol alone. */
  readonly membersPath?: string;
  /** Membership intervals (e.g. the store's); `membersPath` wins when both are given. */
  readonly members?: readonly MembershipInterval[];
  /** Methodology YAML: with it (and members) the engine gives each member's point contribution. */
  readonly methodologyPath?: string;
  /** The engine session of the methodology on `date`, when the caller has it (desk run computes each index once). */
  readonly indexSession?: IndexSession | null;
  /**
   * The symbol's bars up to `date` (the last one on `date`) and their milestone report, when the caller has them
   * (desk run reads every series in one query and computes each report once). Ignored unless the last bar is on `date`.
   */
  readonly series?: StorySeries;
  /** Shared reads of a run of stories (desk run): the session's news, the corporate actions, the news linking tools. */
  readonly shared?: StoryShared;
  /** Publication time, exchange local `YYYY-MM-DD HH:MM:SS` (default: the session date at 16:10:00). */
  readonly publishedLocal?: string;
  /** Exchange UTC offset, `+08:00` for Hong Kong (default). */
  readonly utcOffset?: string;
  /** The market benchmark whose news ties an article to the story (default HSI); null for none. */
  readonly marketSymbol?: string | null;
  /** Security master YAML (names, aliases for news linking); default `data/securities.yaml`. */
  readonly securityMasterPath?: string;
}

/**
 * Reads what one story needs through the store ports and assembles the pure writer's StoryInput: the symbol's
 * bars up to the session, the analytics MilestoneReport, each member's bar on the session and the one before (and
 * engine contributions, from the stored index sessions), names in both languages (security master `zhHant`), and
 * the news published on the session's day (local time) before publication that the entity linker ties to the
 * symbol or a member, with the news layer's themes. Only that is read: not every bar, not every article.
 * @throws SourceError when the data cannot be read or the symbol has no series; InputError when the symbol has
 *   no session on `date`.
 */
export async function buildStoryInput(o: StoryInputOptions): Promise<StoryInput> {
  if (o.ports) return gather(o, o.ports);
  if (o.dataDir === undefined) throw new SourceError('story', 'no data: give a store (--db FILE) or a data folder (--data DIR)', false);
  return withData({ data: o.dataDir, ...(o.newsPath !== undefined ? { news: [o.newsPath] } : {}) }, (d) => gather(o, d));
}

/** A series read and analysed once for many stories: its bars up to the session (the last on it) and their report. */
export interface StorySeries {
  readonly bars: readonly Bar[];
  readonly report: MilestoneReport;
}

/**
 * What a run of stories on one session reads once and shares (desk run): the stored news of a window covering every
 * story's news window (newsWindowOf), the corporate actions, and one entity linker and theme detector whose
 * results per article are kept for the next story (the same article text links to the same securities).
 */
export interface StoryShared {
  readonly articles?: readonly Article[];
  readonly actions?: readonly CorporateAction[];
  readonly linking?: NewsLinking;
}

/** A story's publication time when none is given: the session date at 16:10:00, exchange local time. */
export function defaultPublishedLocal(date: SessionDate): string {
  return `${date} 16:10:00`;
}

/** The series of a symbol whose `bars` end on `date`, with the milestone report a story of it reads. */
export function storySeries(symbol: string, bars: readonly Bar[], date: SessionDate): StorySeries {
  return { bars, report: buildMilestoneReport(symbol, BarColumns.fromBars(bars, `${symbol}.csv`), date, `${symbol}.csv`) };
}

/** The series of `o.symbol` up to `o.date`: the caller's (desk run), else read from the store and analysed. */
async function seriesOf(o: StoryInputOptions, market: BarStore, origin: string): Promise<{ bars: readonly Bar[]; report: MilestoneReport; onDate: boolean }> {
  const given = o.series;
  if (given && given.bars.length > 0 && (given.bars[given.bars.length - 1] as Bar).date === o.date) return { ...given, onDate: true };
  const all = await market.getBars(o.symbol as SecurityId);
  if (all.length === 0) throw new SourceError(origin, `no price series for ${o.symbol} (expected ${o.symbol}.csv)`, false);
  let end = all.length;
  while (end > 0 && (all[end - 1] as Bar).date > o.date) end--;
  const bars = all.slice(0, end);
  // Without a session on the date, the whole series names the real neighbours ("next session 2025-02-10").
  const onDate = bars.length > 0 && (bars[bars.length - 1] as Bar).date === o.date;
  const report = buildMilestoneReport(o.symbol, BarColumns.fromBars(onDate ? bars : all, `${o.symbol}.csv`), o.date, `${o.symbol}.csv`);
  return { bars, report, onDate };
}

async function gather(o: StoryInputOptions, ports: StoryPorts): Promise<StoryInput> {
  const { market } = ports;
  const { bars, report, onDate } = await seriesOf(o, market, ports.origin);
  const master = loadSecurityMaster(o.securityMasterPath);
  const byId = new Map(master.securities.map((s) => [s.id as string, s]));
  const descriptors = loadDescriptors();
  const indexDescriptor = descriptors.indexes.get(o.symbol);
  const names = (id: string, en?: string): StoryNames => {
    const s = byId.get(id);
    const english = en ?? s?.name ?? id;
    const descriptor = descriptors.companies.get(id);
    return { en: english, 'zh-Hant': s?.zhHant ?? english, ...(descriptor ? { descriptor } : {}) };
  };
  const sec = byId.get(o.symbol);
  const kind = sec?.kind === 'stock' ? 'stock' : sec?.kind === 'index' ? 'index' : /\.[A-Z]{1,3}$/.test(o.symbol) ? 'stock' : 'index';

  let actionsRead: Promise<CorporateAction[]> | null = null;
  const actions = (): Promise<CorporateAction[]> => (actionsRead ??= o.shared?.actions ? Promise.resolve([...o.shared.actions]) : market.getActions());
  let members: MemberSession[] | null = null;
  let contributionSource: StoryInput['contributionSource'];
  // Members are an index's: a stock story never names them (no movers, breadth or member news) and their moves
  // cannot gate it.
  const intervals = o.membersPath ? loadMembers(o.membersPath) : o.members;
  if (intervals && kind === 'index') {
    const session = o.methodologyPath
      ? (o.indexSession !== undefined ? o.indexSession : await indexSessionOn(market, { methodologyPath: o.methodologyPath, ...(o.membersPath ? { membersPath: o.membersPath } : {}), date: o.date, origin: ports.origin }))
      : null;
    const contributions = new Map((session?.constituents ?? []).map((c) => [c.symbol as string, c.contributionPoints]));
    if (session) contributionSource = { code: session.code, replica: session.code !== o.symbol };
    const on = membersOn(intervals, o.date);
    const [last, known, securities, acts] = await Promise.all([market.lastBars(on.map((m) => m.symbol), o.date, 2), market.symbols(), market.getSecurities(), actions()]);
    const inStore = new Set<string>(known);
    const stored = new Map(securities.map((s) => [s.id as string, s]));
    members = on.map((m) => {
      const { bar, previousBar } = barAndPrevious(last.get(m.symbol) ?? [], o.date);
      // Share counts (the demo market's securities file; the real HK data have none): the market value said in the story.
      const count = stored.get(m.symbol)?.sharesOutstanding;
      const shares = count !== undefined && bar && previousBar
        ? { session: sharesOutstandingOn(count, m.symbol, acts, bar.date), previous: sharesOutstandingOn(count, m.symbol, acts, previousBar.date), currency: stored.get(m.symbol)?.currency ?? '' }
        : null;
      return { symbol: m.symbol, names: names(m.symbol, m.name), bar, previousBar, inData: inStore.has(m.symbol), contributionPoints: contributions.get(m.symbol) ?? null, ...(shares ? { shares } : {}) };
    });
  }
  const publishedLocal = o.publishedLocal ?? defaultPublishedLocal(o.date);
  const linked = ports.news && onDate ? await linkedNews(o, ports.news, publishedLocal, members, bars) : { articles: [], catalyst: null };
  return {
    symbol: o.symbol, kind, names: names(o.symbol), date: o.date, publishedLocal, bars, report, members, articles: linked.articles, catalyst: linked.catalyst,
    corporateActions: await actions(),
    // The data cover the whole history when they start on or before the series' first session (security master
    // `firstSession`: HSTECH.csv starts at its base date; HSI.csv in 2015, the index in 1969; most stock files in
    // 2018, after their listing): only then is a record "on record"; else "since at least January 2015".
    historyComplete: coversHistory(bars, sec?.firstSession),
    ...(indexDescriptor && kind === 'index' ? { indexDescriptor } : {}),
    // Weekly facts are news on the week's last session: a Thursday before a holiday Friday closes its week.
    weekComplete: await closesItsWeek(o.date),
    ...(contributionSource ? { contributionSource } : {}),
  };
}

/** True when the bars start on or before the series' first session (unknown first session: false). */
export function coversHistory(bars: readonly Bar[], firstSession: string | undefined): boolean {
  const first = bars[0];
  return firstSession !== undefined && first !== undefined && first.date <= firstSession;
}

/** True when the next HKEX session falls in a later ISO week (Monday-based) than `date`. */
export async function closesItsWeek(date: SessionDate): Promise<boolean> {
  const weekday = (d: string) => (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  if (weekday(date) >= 4) return true; // Friday (or a weekend day): the next session is in a later week, no calendar needed
  const { calendarFor } = await import('../../calendar/calendarFor.js'); // holidays (date-holidays) load only here
  const next = calendarFor('XHKG').nextSession(date);
  const days = (Date.parse(`${next}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;
  return days >= 7 || weekday(next) <= weekday(date);
}

/** The bar on `date` and the one before it, from a member's last bars on or before `date`. */
function barAndPrevious(series: readonly Bar[], date: string): { bar: Bar | null; previousBar: Bar | null } {
  let i = series.length - 1;
  while (i >= 0 && (series[i] as Bar).date > date) i--;
  if (i < 0) return { bar: null, previousBar: null };
  const at = series[i] as Bar;
  if (at.date === date) return { bar: at, previousBar: i > 0 ? (series[i - 1] as Bar) : null };
  return { bar: null, previousBar: at };
}

/**
 * The news of the story's window (news/why/newsWindow.ts: the session and the five before it, up to publication)
 * tied to the story: naming its symbol, one of the session's top movers, or the market benchmark; with the news
 * layer's themes and the catalyst it chooses (news/why/chooseCatalyst.ts).
 */
export async function linkedNews(o: StoryInputOptions, news: NewsStore, publishedLocal: string, members: readonly MemberSession[] | null, bars: readonly Bar[]): Promise<{ articles: LinkedArticle[]; catalyst: CatalystClaim | null }> {
  const window = newsWindowOf(o, publishedLocal, bars);
  const shared = o.shared?.articles;
  // shared articles cover a wider window in the store's order (published time, id): linkNewsAt keeps this story's
  const listed = shared ?? (await news.listArticles({ fromMs: window.fromMs, toMs: window.toMs }));
  return linkNewsAt(o, listed, publishedLocal, members, bars, o.shared?.linking);
}

/** The news window of a story (news/why/newsWindow.ts): the session and the sessions before it, up to publication. */
export function newsWindowOf(o: Pick<StoryInputOptions, 'date' | 'utcOffset'>, publishedLocal: string, bars: readonly Bar[]): { fromMs: number; toMs: number } {
  return themeNewsWindow(bars.map((b) => b.date), o.date, publishedLocal, THEME_SESSIONS_BACK, o.utcOffset ?? '+08:00');
}


/**
 * {@link linkedNews} over articles already read (synchronous: the live story desk reads the session's window once
 * and links it again for each version, with the members' moves at that time). Articles outside the window of
 * `publishedLocal` are left out.
 */
export function linkNewsAt(o: Pick<StoryInputOptions, 'symbol' | 'date' | 'utcOffset' | 'securityMasterPath' | 'marketSymbol'>, listed: readonly Article[], publishedLocal: string, members: readonly MemberSession[] | null, bars: readonly Bar[], linking: NewsLinking = new NewsLinking(o.securityMasterPath)): { articles: LinkedArticle[]; catalyst: CatalystClaim | null } {
  const off = o.utcOffset ?? '+08:00';
  const window = themeNewsWindow(bars.map((b) => b.date), o.date, publishedLocal, THEME_SESSIONS_BACK, off);
  const articles = listed.filter((a) => a.publishedMs >= window.fromMs && a.publishedMs <= window.toMs);
  const moves = (members ?? []).flatMap((m) => (m.bar && m.previousBar ? [{ symbol: m.symbol, name: m.names.en, changePct: (m.bar.close / m.previousBar.close - 1) * 100 }] : []));
  const movers = new Set(rankMovers(moves, STORY_MOVERS).map((m) => m.symbol));
  const market = o.marketSymbol === undefined ? 'HSI' : o.marketSymbol;
  const out: LinkedArticle[] = [];
  const forCatalyst: CatalystArticle[] = [];
  for (const a of articles) {
    if (a.duplicateOf !== null) continue;
    const symbols = linking.symbolsOf(a);
    const tie = tieOf(symbols, o.symbol, movers, market);
    if (tie === null) continue;
    const found = linking.themesOf(a).map((t) => ({ theme: t.theme, triggers: [...t.triggers] }));
    const tiedTo = tie === 'symbol' ? o.symbol : tie === 'mover' ? (symbols.find((s) => movers.has(s)) as string) : (market as string);
    out.push({ article: a, themes: found, symbols, relevance: TIE_WEIGHT[tie] });
    forCatalyst.push({ article: a, tie, tiedTo, sessionsBack: sessionsBackOf(window.sessions, localDate(a.publishedMs, off)), themes: found });
  }
  // The day's move: a catalyst sentence that says the market went the other way is never used (chooseCatalyst.ts).
  const { bar, previousBar } = barAndPrevious(bars, o.date);
  const move = bar && previousBar && bar.close !== previousBar.close ? (bar.close > previousBar.close ? 'up' : 'down') : null;
  return { articles: out, catalyst: chooseCatalyst(forCatalyst, off, undefined, move) };
}

/** Top movers (by |change|) whose news ties an article to an index story. */
const STORY_MOVERS = 5;
