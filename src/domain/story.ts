import type { SessionDate } from '../core/units.js';
import type { Article, ThemeHit } from './article.js';
import type { Bar } from './bar.js';
import type { CatalystClaim } from './catalyst.js';
import type { CorporateAction } from './corporateAction.js';
import type { MilestoneReport } from './fact.js';
import type { SeedFrontMatter } from './seedLayout.js';

/** The languages a story is written in. */
export type StoryLang = 'en' | 'zh-Hant';
export const STORY_LANGS: readonly StoryLang[] = ['en', 'zh-Hant'];

/** A security's names in each story language (zh-Hant falls back to English when unknown). */
export interface StoryNames {
  readonly en: string;
  readonly 'zh-Hant': string;
  /**
   * What the company does, for its first mention in a story ("PC maker Lenovo", 電腦生產商聯想集團): the descriptor
   * in each language and the short English name said with it and after it. Absent: the name alone.
   */
  readonly descriptor?: { readonly en: string; readonly 'zh-Hant': string; readonly shortEn: string };
}

/** An index's own descriptor from its methodology ("which tracks the {count} largest technology companies ..."). */
export interface IndexDescriptor {
  /** An English appositive; `{count}` stands for `count`. */
  readonly en: string;
  /** A Chinese phrase written before the name, ending in 的; `{count}` as in English. */
  readonly 'zh-Hant': string;
  /** The member count the text says (a ledger figure); null when the descriptor has none. */
  readonly count: number | null;
}

/** One index member on the story's session, as the writer sees it. */
export interface MemberSession {
  readonly symbol: string;
  readonly names: StoryNames;
  /** The member's bar on the session; null when it has none (stale). */
  readonly bar: Bar | null;
  /** Its previous bar before the session; null when none. */
  readonly previousBar: Bar | null;
  /** False when the data folder has no series at all for the member. */
  readonly inData: boolean;
  /** Points it added to the index move (engine output); null when not known. */
  readonly contributionPoints: number | null;
  /**
   * Shares outstanding at the session's close and at the previous session's (security master count scaled by the
   * splits and rights issues ex by then), with the currency of its price; absent when the data has no share count.
   */
  readonly shares?: { readonly session: number; readonly previous: number; readonly currency: string };
}

/** A news article linked to the story's symbol or its members, with the themes found in it. */
export interface LinkedArticle {
  readonly article: Article;
  readonly themes: readonly ThemeHit[];
  /** Symbols the article names (entity links). */
  readonly symbols: readonly string[];
  /** Higher is more relevant (news layer's ranking); 0 when unknown. */
  readonly relevance: number;
}

/** Everything the pure story writer needs; time and data come in as arguments. */
export interface StoryInput {
  readonly symbol: string;
  readonly kind: 'index' | 'stock';
  readonly names: StoryNames;
  readonly date: SessionDate;
  /** Publication time, local to the exchange, `YYYY-MM-DD HH:MM:SS` (front matter `date`). */
  readonly publishedLocal: string;
  /** The symbol's bars, ascending, up to and including `date`. */
  readonly bars: readonly Bar[];
  /** Facts from analytics for this symbol and session; null when none were computed. */
  readonly report: MilestoneReport | null;
  /** Members on the session; null when no membership is known (story covers the symbol alone). */
  readonly members: readonly MemberSession[] | null;
  readonly articles: readonly LinkedArticle[];
  /**
   * What the news of the story's window said about its top theme (news/why/chooseCatalyst.ts), from one of
   * `articles`; null or absent: the story says nothing about causes.
   */
  readonly catalyst?: CatalystClaim | null;
  readonly corporateActions: readonly CorporateAction[];
  /**
   * True when `bars` start at the series' inception (an index from its base date), so "record" is meant
   * literally; otherwise records are said as "in data going back to <first month>". Default false.
   */
  readonly historyComplete?: boolean;
  /** True when the session is the last of its week (weekly facts are said only then); default: it is a Friday. */
  readonly weekComplete?: boolean;
  /** The index's descriptor for the lede (data/descriptors.yaml); absent: the name alone. */
  readonly indexDescriptor?: IndexDescriptor;
  /** Where member contributions come from: the engine's index code, and whether it is a replica of `symbol`. */
  readonly contributionSource?: { readonly code: string; readonly replica: boolean };
  /**
   * A version written during trading (the live story desk): the exchange-local time the figures reflect and
   * whether trading goes on (`open`) or paused for lunch (`lunch`). The session's bar is then provisional (close =
   * the level at that time) and the text says "was up ... at 10:02 a.m." instead of "closed up". Absent: after the close.
   */
  readonly asOf?: StoryAsOf;
}

/** The time a story written during trading reflects, exchange local. */
export interface StoryAsOf {
  readonly hour: number;
  readonly minute: number;
  readonly phase: 'open' | 'lunch';
}

/** Where a number in a story came from. */
export interface LedgerSource {
  /** Series (symbol), `methodology`, or `article:<id>`. */
  readonly series: string;
  readonly session: string;
  /** Bar field(s) read, e.g. `close`, `high`. */
  readonly field: string;
  /** How the value was computed, in words and symbols. */
  readonly computation: string;
}

export type LedgerKind = 'pct' | 'level' | 'price' | 'points' | 'count' | 'date' | 'threshold' | 'quote' | 'money';

/** One number (or date, or quote) printed in a story, with its unrounded value. */
export interface LedgerEntry {
  readonly id: string;
  readonly kind: LedgerKind;
  /** Unrounded value (magnitudes are printed; the sign is carried by words). For dates: yyyymmdd. */
  readonly value: number;
  /** Decimals printed. */
  readonly dp: number;
  readonly source: LedgerSource;
  /** Inputs of the computation, unrounded, by name. */
  readonly inputs?: Readonly<Record<string, number | string>>;
  /** For dates: the numbers that may appear (year, month, day). */
  readonly dateParts?: readonly number[];
  /** For quotes: the exact quoted text. */
  readonly text?: string;
}

/** The fact ledger written beside a story (`<slug>.ledger.json`). */
export interface FactLedger {
  readonly symbol: string;
  readonly date: SessionDate;
  readonly entries: readonly LedgerEntry[];
}

/** The front matter of a story: the seed's layout (domain/seedLayout.ts), shared with republished news posts. */
export type StoryFrontMatter = SeedFrontMatter;

/** One rendered language of a story. */
export interface StoryDocument {
  readonly lang: StoryLang;
  /** File name, e.g. `hstech-2025-02-07.en.md`. */
  readonly fileName: string;
  readonly frontMatter: StoryFrontMatter;
  /** Body paragraphs (plain text, Markdown-safe). */
  readonly paragraphs: readonly string[];
  /** The full Markdown file. */
  readonly markdown: string;
}

export type GateName = 'stale_member' | 'implausible_move' | 'missing_member' | 'unadjusted_split' | 'no_bar';

/** A reason that stops publication. */
export interface GateFailure {
  readonly gate: GateName;
  readonly symbol: string;
  readonly message: string;
}

/** A number in a story's text that the ledger does not back. */
export interface CheckIssue {
  readonly lang: StoryLang;
  readonly token: string;
  /** Offset in the checked text. */
  readonly offset: number;
  readonly reason: string;
}

/** A written story: both languages, the ledger, the gates and the checker's verdict. */
export interface Story {
  readonly slug: string;
  readonly symbol: string;
  readonly date: SessionDate;
  readonly headlineFact: string;
  readonly documents: readonly StoryDocument[];
  readonly ledger: FactLedger;
  readonly gateFailures: readonly GateFailure[];
  readonly checkIssues: readonly CheckIssue[];
  /** True when no gate failed and the checker found every number. */
  readonly publishable: boolean;
}
