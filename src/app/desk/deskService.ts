import type { SessionDate } from '../../core/units.js';
import type { MilestoneReport, Mover } from '../../domain/fact.js';

/**
 * The one interface the HTTP server depends on (issue 5 "Dashboard and API").
 * Everything is read-only except `reload` (an admin action). Percentages are in percent
 * (`changePct` 1.8 means +1.8%), weights are fractions, levels are index points.
 * Implementations throw `NotFoundError` (unknown code, date, story) and `UnavailableError`
 * (a part of the desk that is not built or not configured); anything else is a bug (HTTP 500).
 */
export interface DeskService {
  /** Index codes and symbols with a level series, e.g. `HSTECH`. */
  indexes(): Promise<readonly IndexInfo[]>;
  /** Daily levels of `code` between `from` and `to` inclusive (both optional). */
  levels(code: string, from?: SessionDate, to?: SessionDate): Promise<LevelSeries>;
  /** The most recent level of `code` (the endpoint under load: keep it O(1)). */
  latestLevel(code: string): Promise<LatestLevel>;
  /** The members of `code` on `date` with weight, change and contribution. */
  constituents(code: string, date: SessionDate): Promise<ConstituentTable>;
  /** The milestone facts of `symbol` on `date` (analytics). */
  milestones(symbol: string, date: SessionDate): Promise<MilestoneReport>;
  /** Sessions between `from` and `to` that carry at least one fact (chart markers). */
  milestoneTimeline(symbol: string, from: SessionDate, to: SessionDate): Promise<readonly MilestoneReport[]>;
  /** Top gainers and losers among the members of `symbol` on `date` (analytics). */
  movers(symbol: string, date: SessionDate): Promise<MoversReport>;
  /** News, newest first; `q` is a case-insensitive text search over title and body. */
  news(query: NewsQuery): Promise<NewsPage>;
  /** Stories, newest first, one entry per story and language. */
  stories(): Promise<readonly StorySummary[]>;
  /** One story in one language (`en`, `zh-Hant`). */
  story(slug: string, lang: string): Promise<StoryPage>;
  /** A chart file written beside the stories (`hstech-2025-02-07.index.svg`, `.png`). */
  storyAsset(name: string): Promise<StoryAsset>;
  /** Names of the securities and indexes the desk knows, in English and Traditional Chinese (dashboard language switch). */
  names(): Promise<SecurityNameTable>;
  /** Re-reads the data folders (admin). Returns what was loaded. */
  reload(): Promise<ReloadReport>;
}

export interface IndexInfo {
  readonly code: string;
  readonly name: string;
  /** `engine` when built from the methodology, `series` when read from a level CSV. */
  readonly source: 'engine' | 'series';
  readonly firstDate: SessionDate;
  readonly lastDate: SessionDate;
  /** The official series an engine replica is fitted to (methodology `weighting.fit.target`), e.g. `HSTECH`. */
  readonly tracks?: string;
}

export interface LevelPoint {
  readonly date: SessionDate;
  /** Price-return level (index points). */
  readonly level: number;
  /** Session high and low when known (index points). */
  readonly high: number | null;
  readonly low: number | null;
  /** Change from the previous session in percent; null on the first session. */
  readonly changePct: number | null;
}

export interface LevelSeries {
  readonly code: string;
  readonly source: 'engine' | 'series';
  readonly points: readonly LevelPoint[];
}

export interface LatestLevel {
  readonly code: string;
  readonly date: SessionDate;
  readonly level: number;
  readonly previousLevel: number | null;
  /** In percent. */
  readonly changePct: number | null;
}

export interface ConstituentRow {
  readonly symbol: string;
  readonly name: string;
  /** Weight at the previous close (fraction); null when no engine is wired. */
  readonly weight: number | null;
  readonly price: number | null;
  /** In percent; null when there is no bar for the session or the one before. */
  readonly changePct: number | null;
  /** Index points added to the day's move; null when no engine is wired. */
  readonly contributionPoints: number | null;
  readonly stale: boolean;
}

export interface ConstituentTable {
  readonly code: string;
  readonly date: SessionDate;
  /** `engine` (weights and contributions) or `members` (membership file plus bars; no weights). */
  readonly source: 'engine' | 'members';
  readonly rows: readonly ConstituentRow[];
}

/** The part of analytics' movers report the desk promises (the API passes the whole report through). */
export interface MoversReport {
  readonly symbol: string;
  /** `YYYY-MM-DD` */
  readonly date: string;
  readonly gainers: readonly Mover[];
  readonly losers: readonly Mover[];
  readonly breadth?: { readonly advancers: number; readonly decliners: number; readonly unchanged: number };
  /** Where the contribution points come from (engine replica, or an equal-weight approximation). */
  readonly contributionSource?: string | null;
  readonly notes?: readonly string[];
}

export interface NewsQuery {
  readonly q?: string;
  readonly from?: SessionDate;
  readonly to?: SessionDate;
  /** 1..200 */
  readonly limit: number;
  readonly offset: number;
}

export interface NewsItem {
  readonly id: string;
  readonly title: string;
  /** Plain text, untrusted (shown with textContent only). */
  readonly body: string;
  /** ISO 8601 with offset as published. */
  readonly publishedAt: string;
  readonly source: string;
  readonly url: string | null;
  /** Security ids named in the article, when the news linker is wired. */
  readonly symbols: readonly string[];
  /** The article's republished post on the served site (`/site/news/<post>.en.html`), when serve has `--site`. */
  readonly post?: string | null;
}

export interface NewsPage {
  readonly total: number;
  readonly items: readonly NewsItem[];
}

export interface StorySummary {
  readonly slug: string;
  readonly lang: string;
  readonly title: string;
  /** As written in the front matter. */
  readonly date: string;
  readonly summary: string;
  /** Languages this story exists in (front matter `translations`). */
  readonly translations: readonly string[];
}

export interface StoryPage extends StorySummary {
  /** Markdown body without the front matter, untrusted text. */
  readonly body: string;
  readonly tags: readonly string[];
  readonly categories: readonly string[];
}

export interface StoryAsset {
  readonly contentType: 'image/svg+xml' | 'image/png';
  readonly body: Uint8Array;
}

/** Security id -> its names; `zhHant` null when the security master has no Chinese name. */
export interface SecurityNameTable {
  readonly names: Readonly<Record<string, { readonly en: string; readonly zhHant: string | null }>>;
}

export interface ReloadReport {
  readonly series: number;
  readonly news: number;
  readonly stories: number;
  readonly issues: number;
}
