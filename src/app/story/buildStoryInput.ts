import { calendarFor } from '../../calendar/calendarFor.js';
import { SourceError } from '../../core/errors.js';
import type { SecurityId, SessionDate } from '../../core/units.js';
import { BarColumns } from '../../analytics/series/BarColumns.js';
import { buildMilestoneReport } from '../../analytics/milestones.js';
import type { Bar } from '../../domain/bar.js';
import { membersOn } from '../../domain/membership.js';
import type { LinkedArticle, MemberSession, StoryInput, StoryNames } from '../../domain/story.js';
import { buildIndexFromFiles } from '../buildIndex.js';
import { loadReferenceData } from '../referenceData.js';
import { loadMarketData, loadMembers, type MarketData } from '../marketData.js';
import { loadArticlesFromPath } from '../news/loadArticles.js';
import { ThemeDetector } from '../../news/themes/ThemeDetector.js';
import { createEntityLinker, loadSecurityMaster } from '../securityMaster.js';

export interface StoryInputOptions {
  readonly symbol: string;
  readonly date: SessionDate;
  /** Folder of bar CSVs. */
  readonly dataDir: string;
  /** Membership file: with it an index story names movers and breadth; without it (or for a stock), the symbol alone. */
  readonly membersPath?: string;
  /** Methodology YAML: with it (and members) the engine gives each member's point contribution. */
  readonly methodologyPath?: string;
  /** News file or folder: articles linked to the symbol or its members may be quoted. */
  readonly newsPath?: string;
  /** Publication time, exchange local `YYYY-MM-DD HH:MM:SS` (default: the session date at 16:10:00). */
  readonly publishedLocal?: string;
  /** Exchange UTC offset, `+08:00` for Hong Kong (default). */
  readonly utcOffset?: string;
  /** Already loaded bars (to share one read between stories). */
  readonly market?: MarketData;
  /** Security master YAML (names, aliases for news linking); default `data/securities.yaml`. */
  readonly securityMasterPath?: string;
}

/**
 * Reads what one story needs and assembles the pure writer's StoryInput: the symbol's bars up to the
 * session, the analytics MilestoneReport, the members' bars (and engine contributions), names in both
 * languages (security master `zhHant`), and the news published on the session's day (local time) before
 * publication that the entity linker ties to the symbol or a member, with the news
 * layer's themes. Facts come from analytics' buildMilestoneReport (the function behind `indexwire milestones`).
 * @throws SourceError when the data folder, the symbol's series or a given file cannot be read;
 *   InputError when the symbol has no session on `date`.
 */
export async function buildStoryInput(o: StoryInputOptions): Promise<StoryInput> {
  const market = o.market ?? loadMarketData(o.dataDir);
  const all = market.series.get(o.symbol as SecurityId);
  if (!all) throw new SourceError(o.dataDir, `no price series for ${o.symbol} (expected ${o.symbol}.csv)`, false);
  const bars = all.filter((b) => b.date <= o.date);
  // Without a session on the date, the whole series names the real neighbours ("next session 2025-02-10").
  const onDate = bars.length > 0 && (bars[bars.length - 1] as Bar).date === o.date;
  const report = buildMilestoneReport(o.symbol, BarColumns.fromBars(onDate ? bars : all, `${o.symbol}.csv`), o.date, `${o.symbol}.csv`);
  const master = loadSecurityMaster(o.securityMasterPath);
  const byId = new Map(master.securities.map((s) => [s.id as string, s]));
  const names = (id: string, en?: string): StoryNames => {
    const s = byId.get(id);
    const english = en ?? s?.name ?? id;
    return { en: english, 'zh-Hant': s?.zhHant ?? english };
  };
  const sec = byId.get(o.symbol);
  const kind = sec?.kind === 'stock' ? 'stock' : sec?.kind === 'index' ? 'index' : /\.[A-Z]{1,3}$/.test(o.symbol) ? 'stock' : 'index';

  let members: MemberSession[] | null = null;
  let contributionSource: StoryInput['contributionSource'];
  // Members are an index's: a stock story never names them (no movers, breadth or member news) and their moves
  // cannot gate it.
  if (o.membersPath && kind === 'index') {
    const engine = o.methodologyPath ? await engineContributions(o) : null;
    const contributions = engine?.points ?? new Map<string, number>();
    if (engine) contributionSource = { code: engine.code, replica: engine.code !== o.symbol };
    members = membersOn(loadMembers(o.membersPath), o.date).map((m) => {
      const series = market.series.get(m.symbol);
      const { bar, previousBar } = barAndPrevious(series ?? [], o.date);
      return { symbol: m.symbol, names: names(m.symbol, m.name), bar, previousBar, inData: series !== undefined, contributionPoints: contributions.get(m.symbol) ?? null };
    });
  }
  const publishedLocal = o.publishedLocal ?? `${o.date} 16:10:00`;
  const articles = o.newsPath ? await linkedNews(o, publishedLocal, members) : [];
  return {
    symbol: o.symbol, kind, names: names(o.symbol), date: o.date, publishedLocal, bars, report, members, articles, corporateActions: loadReferenceData(o.dataDir).actions ?? [],
    // Index files start at the base date (HSTECH.csv: back-calculated from 2014-12-31, see SOURCES.md); stock files
    // start in 2018, after many listings: their "records" are said as "in data since".
    historyComplete: kind === 'index',
    // Weekly facts are news on the week's last session: a Thursday before a holiday Friday closes its week.
    weekComplete: closesItsWeek(o.date),
    ...(contributionSource ? { contributionSource } : {}),
  };
}

/** True when the next HKEX session falls in a later ISO week (Monday-based) than `date`. */
function closesItsWeek(date: SessionDate): boolean {
  const next = calendarFor('XHKG').nextSession(date);
  const days = (Date.parse(`${next}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;
  const weekday = (d: string) => (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return days >= 7 || weekday(next) <= weekday(date);
}

/** The bar on `date` and the one before it (binary search would do; series are short). */
function barAndPrevious(series: readonly Bar[], date: string): { bar: Bar | null; previousBar: Bar | null } {
  let i = series.length - 1;
  while (i >= 0 && (series[i] as Bar).date > date) i--;
  if (i < 0) return { bar: null, previousBar: null };
  const at = series[i] as Bar;
  if (at.date === date) return { bar: at, previousBar: i > 0 ? (series[i - 1] as Bar) : null };
  return { bar: null, previousBar: at };
}

async function engineContributions(o: StoryInputOptions): Promise<{ code: string; points: Map<string, number> }> {
  const run = await buildIndexFromFiles({
    methodologyPath: o.methodologyPath as string,
    dataDir: o.dataDir,
    ...(o.membersPath ? { membersPath: o.membersPath } : {}),
    to: o.date,
    from: o.date,
  });
  const s = run.sessions.find((x) => x.date === o.date);
  return { code: run.methodology.code, points: new Map((s?.constituents ?? []).map((c) => [c.symbol as string, c.contributionPoints])) };
}

async function linkedNews(o: StoryInputOptions, publishedLocal: string, members: readonly MemberSession[] | null): Promise<LinkedArticle[]> {
  const off = o.utcOffset ?? '+08:00';
  // The session's own day, up to publication: the previous evening's wraps are about the previous session.
  const fromMs = Date.parse(`${o.date}T00:00:00${off}`);
  const toMs = Date.parse(`${publishedLocal.replace(' ', 'T')}${off}`);
  const { articles } = await loadArticlesFromPath(o.newsPath as string);
  const linker = createEntityLinker(o.securityMasterPath);
  const themes = new ThemeDetector();
  const memberIds = new Set((members ?? []).map((m) => m.symbol));
  const out: LinkedArticle[] = [];
  for (const a of articles) {
    if (a.duplicateOf !== null || a.publishedMs <= fromMs || a.publishedMs > toMs) continue;
    const symbols = linker.securitiesIn(`${a.title}\n\n${a.body}`).map(String);
    const relevance = symbols.includes(o.symbol) ? 2 : symbols.some((s) => memberIds.has(s)) ? 1 : 0;
    if (relevance === 0) continue;
    const found = themes.detect(`${a.title}\n\n${a.body}`).themes.map((t) => ({ theme: t.theme, triggers: t.triggers }));
    out.push({ article: a, themes: found, symbols, relevance });
  }
  return out;
}
