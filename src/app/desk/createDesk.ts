import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { SecurityId, SessionDate } from '../../core/units.js';
import type { Article } from '../../domain/article.js';
import type { MilestoneReport } from '../../domain/fact.js';
import type { MembershipInterval } from '../../domain/membership.js';
import { loadMarketData, loadMembers, defaultMembersPath } from '../marketData.js';
import { loadArticlesFromPath } from '../news/loadArticles.js';
import { createEntityLinker, loadSecurityMaster } from '../securityMaster.js';
import { constituentsFromMembers, indexBars, type IndexedBars } from './constituentsFromMembers.js';
import { NotFoundError, UnavailableError } from './deskErrors.js';
import type { DeskService, IndexInfo, LatestLevel, LevelPoint, MoversReport } from './deskService.js';
import { levelPointsFromBars } from './levelPoints.js';
import { NewsIndex } from './NewsIndex.js';
import { readStoryFolder, type StoryFolder } from './readStoryFolder.js';

export interface DeskConfig {
  /** Folder of bar CSVs (`--data`): members and level series such as `HSTECH.csv`. */
  readonly dataDir: string;
  /** Index methodology YAML (used once the engine is wired). */
  readonly methodologyPath?: string;
  /** Membership file `symbol,name,from,to`; default `<dataDir>/hstech_members.csv` when present. */
  readonly membersPath?: string;
  /** Index code the membership file belongs to; default from its name (`hstech_members.csv` -> `HSTECH`). */
  readonly membersCode?: string;
  /** News folder (Markdown/RSS/HTML/text); no news endpoints (501) without it. */
  readonly newsDir?: string;
  /** Folder of written stories (Markdown with front matter); no story endpoints (501) without it. */
  readonly storiesDir?: string;
}

/**
 * Parts built by other engineers, plugged in as they land (see docs/server.md, "Wiring").
 * Each is optional: without it the matching endpoints answer 501 with a clear message.
 */
export interface DeskHooks {
  /** Milestone facts of a series on a session (analytics). */
  readonly milestones?: (symbol: string, date: SessionDate, bars: IndexedBars) => MilestoneReport;
  /** Top movers of an index's members on a session (analytics). */
  readonly movers?: (symbol: string, date: SessionDate) => MoversReport;
}

interface LevelEntry {
  readonly info: IndexInfo;
  readonly points: readonly LevelPoint[];
  readonly latest: LatestLevel;
}

interface DeskState {
  readonly series: ReadonlyMap<SecurityId, IndexedBars>;
  readonly levels: ReadonlyMap<string, LevelEntry>;
  readonly members: readonly MembershipInterval[] | null;
  readonly membersCode: string | null;
  readonly news: NewsIndex | null;
  readonly stories: StoryFolder | null;
  readonly issues: number;
}

/** Level series: symbols without an exchange suffix (`HSTECH`, `HSI`, `^GSPC`), not `0700.HK` or `HSTECH.investing`. */
const INDEX_SYMBOL = /^\^?[A-Z][A-Z0-9_-]*$/;

/**
 * The desk over files: bar CSVs, a membership file, a news folder and a stories folder, read once and
 * kept in memory (`reload` re-reads them; a failed reload keeps the previous state).
 * `latestLevel` is a map lookup. Parts not wired yet (analytics) answer UnavailableError (HTTP 501).
 * @throws SourceError (from the first call) when the data folder cannot be read.
 */
export function createDesk(config: DeskConfig, hooks: DeskHooks = {}): DeskService {
  let state: Promise<DeskState> = load(config);
  state.catch(() => undefined);
  const levelsOf = async (code: string): Promise<LevelEntry> => {
    const e = (await state).levels.get(code);
    if (!e) throw new NotFoundError('index', code);
    return e;
  };
  const sessionOf = (e: LevelEntry, date: SessionDate): void => {
    if (!e.points.some((p) => p.date === date)) throw new NotFoundError(`session of ${e.info.code}`, date);
  };
  return {
    async indexes() {
      return [...(await state).levels.values()].map((e) => e.info);
    },
    async levels(code, from, to) {
      const e = await levelsOf(code);
      const points = e.points.filter((p) => (from === undefined || p.date >= from) && (to === undefined || p.date <= to));
      return { code, source: e.info.source, points };
    },
    async latestLevel(code) {
      return (await levelsOf(code)).latest;
    },
    async constituents(code, date) {
      const s = await state;
      const e = await levelsOf(code);
      sessionOf(e, date);
      if (s.members === null || s.membersCode !== code) {
        throw new UnavailableError('constituents', `no membership file for ${code} and the index engine is not wired`);
      }
      return constituentsFromMembers(code, date, s.members, s.series);
    },
    async milestones(symbol, date) {
      const fn = hooks.milestones;
      if (!fn) throw new UnavailableError('milestones', 'the analytics milestones job is not wired into the desk yet');
      const bars = (await state).series.get(symbol as SecurityId);
      if (!bars) throw new NotFoundError('series', symbol);
      if (!bars.pos.has(date)) throw new NotFoundError(`session of ${symbol}`, date);
      return fn(symbol, date, bars);
    },
    async milestoneTimeline(symbol, from, to) {
      const fn = hooks.milestones;
      if (!fn) throw new UnavailableError('milestones', 'the analytics milestones job is not wired into the desk yet');
      const bars = (await state).series.get(symbol as SecurityId);
      if (!bars) throw new NotFoundError('series', symbol);
      return bars.bars
        .filter((b) => b.date >= from && b.date <= to)
        .map((b) => fn(symbol, b.date, bars))
        .filter((r) => r.facts.length > 0);
    },
    async movers(symbol, date) {
      const fn = hooks.movers;
      if (!fn) throw new UnavailableError('movers', 'the analytics movers job is not wired into the desk yet');
      sessionOf(await levelsOf(symbol), date);
      return fn(symbol, date);
    },
    async news(q) {
      const n = (await state).news;
      if (n === null) throw new UnavailableError('news', 'no news folder configured (serve --news DIR)');
      return n.query(q);
    },
    async stories() {
      const st = (await state).stories;
      if (st === null) throw new UnavailableError('stories', 'no stories folder configured (serve --stories DIR)');
      return st.stories.map(({ body: _b, tags: _t, categories: _c, ...summary }) => summary);
    },
    async story(slug, lang) {
      const st = (await state).stories;
      if (st === null) throw new UnavailableError('stories', 'no stories folder configured (serve --stories DIR)');
      const s = st.stories.find((x) => x.slug === slug && x.lang === lang);
      if (!s) throw new NotFoundError('story', `${slug} (${lang})`);
      return s;
    },
    async reload() {
      const next = await load(config); // throws before replacing: the previous state stays
      state = Promise.resolve(next);
      return {
        series: next.series.size,
        news: next.news?.size ?? 0,
        stories: next.stories?.stories.length ?? 0,
        issues: next.issues,
      };
    },
  };
}

async function load(config: DeskConfig): Promise<DeskState> {
  const market = loadMarketData(config.dataDir);
  const series = new Map<SecurityId, IndexedBars>();
  for (const [sym, bars] of market.series) series.set(sym, indexBars(bars));
  const names = indexNames();
  const levels = new Map<string, LevelEntry>();
  for (const [sym, s] of series) {
    if (!INDEX_SYMBOL.test(sym) || s.bars.length === 0) continue;
    const points = levelPointsFromBars(s.bars);
    const last = points[points.length - 1] as LevelPoint;
    const prev = points.length > 1 ? (points[points.length - 2] as LevelPoint) : null;
    levels.set(sym, {
      info: { code: sym, name: names.get(sym) ?? sym, source: 'series', firstDate: (points[0] as LevelPoint).date, lastDate: last.date },
      points,
      latest: { code: sym, date: last.date, level: last.level, previousLevel: prev?.level ?? null, changePct: last.changePct },
    });
  }
  const membersPath = config.membersPath ?? defaultMembersPath(config.dataDir);
  const members = membersPath !== null && membersPath !== undefined ? loadMembers(membersPath) : null;
  const membersCode = membersPath ? (config.membersCode ?? basename(membersPath).split(/[_.-]/)[0]?.toUpperCase() ?? null) : null;
  let issues = market.issues.filter((i) => i.severity === 'error').length;
  let news: NewsIndex | null = null;
  if (config.newsDir !== undefined) {
    const loaded = await loadArticlesFromPath(config.newsDir);
    issues += loaded.rejected.length;
    const linker = createEntityLinker();
    news = await NewsIndex.build(loaded.articles, (a: Article) => [...new Set(linker.linkArticle(a).map((l) => l.securityId))]);
  }
  let stories: StoryFolder | null = null;
  if (config.storiesDir !== undefined && existsSync(config.storiesDir)) {
    stories = readStoryFolder(config.storiesDir);
    issues += stories.issues.length;
  } else if (config.storiesDir !== undefined) {
    stories = { stories: [], issues: [] };
  }
  return { series, levels, members, membersCode, news, stories, issues };
}

function indexNames(): Map<string, string> {
  try {
    return new Map(loadSecurityMaster().securities.filter((s) => s.kind === 'index').map((s) => [s.id, s.name]));
  } catch {
    return new Map();
  }
}
