import { existsSync } from 'node:fs';
import type { SecurityId } from '../../core/units.js';
import type { Article } from '../../domain/article.js';
import type { IndexSession } from '../../domain/indexLevel.js';
import type { MembershipInterval } from '../../domain/membership.js';
import type { IndexRun } from '../../domain/indexRun.js';
import type { Bar } from '../../domain/bar.js';
import type { LiveLevelStore } from '../../store/levels/LiveLevelStore.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import type { BarStore } from '../../store/ports.js';
import { buildIndexFromFiles, buildIndexFromStore } from '../buildIndex.js';
import { loadMarketData, loadMembers } from '../marketData.js';
import { loadArticlesFromPath } from '../news/loadArticles.js';
import { createEntityLinker, loadSecurityMaster } from '../securityMaster.js';
import { indexBars, type IndexedBars } from './constituentsFromMembers.js';
import type { IndexInfo, LatestLevel, LevelPoint } from './deskService.js';
import { engineBars, engineLevelPoints } from './engineEntry.js';
import { findMembersFile, membersCodeOf } from './findDeskFiles.js';
import { levelPointsFromBars } from './levelPoints.js';
import { NewsIndex } from './NewsIndex.js';
import { readStoryFolder, type StoryFolder } from './readStoryFolder.js';
import { SeriesMilestones } from './SeriesMilestones.js';

/** The store a desk reads instead of folders (`serve --db`): bars, memberships, reference data, news. */
export interface DeskStore {
  readonly market: BarStore;
  readonly news: NewsStore | null;
  /** What to call it in messages (the file, or the URL without its password). */
  readonly origin: string;
}

export interface DeskConfig {
  /** Folder of bar CSVs (`--data`): members and level series such as `HSTECH.csv`. With `store`, only a label. */
  readonly dataDir: string;
  /**
   * Read bars, memberships (`membersCode`, else HSTECH, else the only stored index) and news from this store
   * instead of `dataDir` / `membersPath` / `newsDir` (the engine builds the methodology from the store).
   */
  readonly store?: DeskStore;
  /** Live levels stored by the scale-out's aggregator: `latestLevel` answers the newest (see createDesk). */
  readonly liveLevels?: LiveLevelStore;
  /** Indexes whose live levels to follow besides those the desk serves (e.g. an index without a stored series). */
  readonly liveIndexes?: readonly string[];
  /** Index methodology YAML: the engine builds that index (levels, weights, contributions) at load. */
  readonly methodologyPath?: string;
  /** Membership file `symbol,name,from,to`; default `hstech_members.csv` or the only `*_members.csv` in `dataDir`. */
  readonly membersPath?: string;
  /** Level series the membership file belongs to; default from its name (`hstech_members.csv` -> `HSTECH`). */
  readonly membersCode?: string;
  /** News folder (Markdown/RSS/HTML/text); no news endpoints (501) without it. */
  readonly newsDir?: string;
  /** Folder of written stories (Markdown with front matter); no story endpoints (501) without it. */
  readonly storiesDir?: string;
  /** Security master YAML (names, news linking); default `data/securities.yaml`. */
  readonly securityMasterPath?: string;
}

/** One index the desk serves: from the engine or from a level file. */
export interface LevelEntry {
  readonly info: IndexInfo;
  readonly points: readonly LevelPoint[];
  readonly latest: LatestLevel;
  readonly milestones: SeriesMilestones;
  /** Engine sessions by date (engine entries only). */
  readonly sessions: ReadonlyMap<string, IndexSession> | null;
}

export interface DeskState {
  readonly series: ReadonlyMap<SecurityId, IndexedBars>;
  /** Engine indexes first, then level files by code. */
  readonly levels: ReadonlyMap<string, LevelEntry>;
  readonly members: readonly MembershipInterval[] | null;
  readonly membersPath: string | null;
  readonly membersCode: string | null;
  readonly engineCode: string | null;
  readonly news: NewsIndex | null;
  readonly stories: StoryFolder | null;
  /** Problems found while loading (bad rows, rejected files, engine issues), one line each. */
  readonly issues: readonly string[];
}

/** Level series: symbols without an exchange suffix (`HSTECH`, `HSI`, `^GSPC`), not `0700.HK` or `HSTECH.investing`. */
const INDEX_SYMBOL = /^\^?[A-Z][A-Z0-9_-]*$/;

/**
 * Reads everything the desk serves, once: bars, the membership file, the engine run of the methodology,
 * news (with entity links) and stories.
 * @throws SourceError when the data folder cannot be read; ConfigError for a bad membership or methodology file.
 */
export async function loadDeskState(config: DeskConfig): Promise<DeskState> {
  const input = config.store ? await readStoreInputs(config, config.store) : await readFileInputs(config);
  const { issues, membersPath, members, membersCode } = input;
  const series = new Map<SecurityId, IndexedBars>();
  for (const [sym, bars] of input.series) series.set(sym, indexBars(bars));

  const levels = new Map<string, LevelEntry>();
  let engineCode: string | null = null;
  if (input.run !== null) {
    const run = input.run;
    issues.push(...run.issues);
    if (run.sessions.length > 0) {
      engineCode = run.methodology.code;
      const points = engineLevelPoints(run);
      const base = entry(engineCode, run.methodology.name, 'engine', points);
      const tracks = run.methodology.weighting.fit?.target;
      levels.set(engineCode, {
        ...base,
        info: tracks !== undefined ? { ...base.info, tracks } : base.info,
        milestones: new SeriesMilestones(engineCode, engineBars(run), config.methodologyPath as string, true),
        sessions: new Map(run.sessions.map((s) => [s.date, s])),
      });
    }
  }
  const names = indexNames(config.securityMasterPath);
  for (const [sym, s] of [...series].sort(([a], [b]) => a.localeCompare(b))) {
    if (!INDEX_SYMBOL.test(sym) || s.bars.length === 0 || levels.has(sym)) continue;
    levels.set(sym, {
      ...entry(sym, names.get(sym) ?? sym, 'series', levelPointsFromBars(s.bars)),
      milestones: new SeriesMilestones(sym, s.bars, `${config.dataDir}/${sym}.csv`),
      sessions: null,
    });
  }

  const news = input.articles === null ? null : await newsIndexOf(input.articles, config);
  let stories: StoryFolder | null = null;
  if (config.storiesDir !== undefined) {
    stories = existsSync(config.storiesDir) ? readStoryFolder(config.storiesDir) : { stories: [], issues: [], assets: new Map() };
    issues.push(...stories.issues);
  }
  return { series, levels, members, membersPath, membersCode, engineCode, news, stories, issues };
}

/** The news the desk serves, with the securities each article names (the entity linker). */
async function newsIndexOf(articles: readonly Article[], config: DeskConfig): Promise<NewsIndex> {
  const linker = createEntityLinker(config.securityMasterPath);
  return NewsIndex.build(articles, (a: Article) => [...new Set(linker.linkArticle(a).map((l) => l.securityId))]);
}

/**
 * The news part of the desk alone, re-read from the store (what a server does when only news changed: a
 * fraction of a whole reload). Null when the desk has no store news.
 */
export async function loadStoreNews(config: DeskConfig): Promise<NewsIndex | null> {
  const news = config.store?.news;
  if (!news) return null;
  return newsIndexOf(await news.listArticles({ includeDuplicates: true }), config);
}

/** What the desk is built from, read from folders or from a store. */
interface DeskInputs {
  readonly series: ReadonlyMap<SecurityId, readonly Bar[]>;
  readonly issues: string[];
  readonly members: readonly MembershipInterval[] | null;
  readonly membersPath: string | null;
  readonly membersCode: string | null;
  /** The engine run of the methodology, when one is configured. */
  readonly run: IndexRun | null;
  /** News articles (duplicates included: NewsIndex leaves them out), or null without news. */
  readonly articles: readonly Article[] | null;
}

async function readFileInputs(config: DeskConfig): Promise<DeskInputs> {
  const market = loadMarketData(config.dataDir);
  const issues: string[] = market.issues.filter((i) => i.severity === 'error').map((i) => i.message);
  const membersPath = config.membersPath ?? findMembersFile(config.dataDir);
  const members = membersPath !== null ? loadMembers(membersPath) : null;
  const membersCode = membersPath !== null ? (config.membersCode ?? membersCodeOf(membersPath)) : null;
  const run = config.methodologyPath === undefined ? null : await buildIndexFromFiles({
    methodologyPath: config.methodologyPath,
    dataDir: config.dataDir,
    ...(membersPath !== null ? { membersPath } : {}),
  });
  let articles: Article[] | null = null;
  if (config.newsDir !== undefined) {
    const loaded = await loadArticlesFromPath(config.newsDir);
    issues.push(...loaded.rejected.map((r) => r.reason));
    articles = loaded.articles;
  }
  return { series: market.series, issues, members, membersPath, membersCode, run, articles };
}

/** The same inputs from a store: every stored series, the stored memberships, the engine on the store, stored news. */
async function readStoreInputs(config: DeskConfig, store: DeskStore): Promise<DeskInputs> {
  const market = store.market;
  const series = await market.getBarsMany(await market.symbols());
  const membersPath = config.membersPath ?? null;
  const codes = await market.membershipCodes();
  const membersCode = config.membersCode ?? (membersPath !== null ? membersCodeOf(membersPath) : null)
    ?? (codes.includes('HSTECH' as never) ? 'HSTECH' : codes.length === 1 ? (codes[0] as string) : null);
  const members = membersPath !== null ? loadMembers(membersPath)
    : membersCode !== null ? await market.getMemberships(membersCode as never) : null;
  const run = config.methodologyPath === undefined ? null : await buildIndexFromStore(market, {
    methodologyPath: config.methodologyPath,
    origin: store.origin,
    ...(membersPath !== null ? { membersPath } : {}),
  });
  const articles = store.news === null ? null : await store.news.listArticles({ includeDuplicates: true });
  return { series, issues: [], members: members !== null && members.length > 0 ? members : null, membersPath, membersCode, run, articles };
}

function entry(code: string, name: string, source: 'engine' | 'series', points: LevelPoint[]): Pick<LevelEntry, 'info' | 'points' | 'latest'> {
  const first = points[0] as LevelPoint;
  const last = points[points.length - 1] as LevelPoint;
  const prev = points.length > 1 ? (points[points.length - 2] as LevelPoint) : null;
  return {
    info: { code, name, source, firstDate: first.date, lastDate: last.date },
    points,
    latest: { code, date: last.date, level: last.level, previousLevel: prev?.level ?? null, changePct: last.changePct },
  };
}

function indexNames(masterPath: string | undefined): Map<string, string> {
  try {
    return new Map(loadSecurityMaster(masterPath).securities.filter((s) => s.kind === 'index').map((s) => [s.id, s.name]));
  } catch {
    return new Map();
  }
}
