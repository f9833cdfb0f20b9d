import type { LedgerEntry, StoryNames } from '../../domain/story.js';
import type { LeadKind } from './rankFacts.js';

/** A sentence-level fact, language neutral; numbers are ledger entries. */
export type FactLine =
  | {
      readonly t: 'regime';
      readonly type: 'bull_market' | 'bear_market' | 'correction';
      /** `close`: confirmed at the close; `intraday`: crossed during the session. */
      readonly basis: 'close' | 'intraday';
      /** The low (bull) or high (bear, correction) it is measured from. */
      readonly refDate: LedgerEntry;
      /** Move from the reference, percent (signed). */
      readonly pctFromRef: LedgerEntry;
      readonly threshold: LedgerEntry;
      /**
       * The distance in whole percent (dp 0), when the threshold phrase would understate it by
       * UNDERSTATED_POINTS or more: "nearly 20% below its March 19 high", never "more than 10%".
       */
      readonly distance?: LedgerEntry | null;
    }
  | { readonly t: 'record'; readonly high: boolean }
  | { readonly t: 'since'; readonly what: SinceWhat; readonly since: LedgerEntry }
  /** A move nothing earlier in the data matches: "its worst day on record" (or "since at least January 2015"). */
  | { readonly t: 'record_move'; readonly what: MoveWhat }
  | { readonly t: 'period'; readonly high: boolean; readonly year: LedgerEntry | null; readonly weeks: LedgerEntry | null }
  | {
      readonly t: 'streak';
      readonly up: boolean;
      readonly weeks: boolean;
      readonly count: LedgerEntry;
      /** End of the last streak at least as long ("the longest since January 2023"); null when none in the data. */
      readonly longestSince: LedgerEntry | null;
    }
  | ShapeLine;

/**
 * How the session moved (select/sessionShape.ts): "fell as much as 6.0% before rebounding to close up 2.6%"
 * (`rebound`), or "rose as much as 3.2% before erasing its gains" (a gain erased).
 */
export interface ShapeLine {
  readonly t: 'shape';
  readonly rebound: boolean;
  /** The intraday extreme against the close, vs the previous close (signed). */
  readonly extremePct: LedgerEntry;
}

export type MoveWhat = 'biggest_gain' | 'biggest_loss' | 'best_week' | 'worst_week';

export type SinceWhat = 'highest' | 'lowest' | 'biggest_gain' | 'biggest_loss' | 'best_week' | 'worst_week';

/** A session that wiped out the year's gains or restored its losses (planYearToDate.ts), with the year-to-date change. */
export interface YearToDateLine {
  /** True: the gains were wiped out; false: the losses were restored. */
  readonly wiped: boolean;
  /** Change since the last close of the previous year, at the session's close (signed). */
  readonly pct: LedgerEntry;
}

/** The members' combined market value added or lost (planMarketValue.ts), in each language's unit. */
export interface MarketValueLine {
  readonly members: LedgerEntry;
  readonly currency: { readonly en: string; readonly zhHant: string };
  /** Signed change in billions or millions. */
  readonly en: { readonly unit: 'billion' | 'million'; readonly value: LedgerEntry };
  /** Signed change in 億 (100 million) or 萬 (10,000). */
  readonly zhHant: { readonly unit: '億' | '萬'; readonly value: LedgerEntry };
}

/** Distance to an earlier high: "about 4.4% below its October 2024 high". */
export interface ContextLine {
  readonly t: 'below_high' | 'below_record';
  readonly date: LedgerEntry;
  readonly pct: LedgerEntry;
}

export interface MoverLine {
  readonly symbol: string;
  readonly names: StoryNames;
  readonly changePct: LedgerEntry;
  /** Intraday extreme in the direction of the move, vs previous close. */
  readonly asMuchAsPct: LedgerEntry;
}

export interface ContributionLine {
  readonly symbol: string;
  readonly names: StoryNames;
  readonly points: LedgerEntry;
}

export interface BreadthLine {
  readonly total: LedgerEntry;
  readonly up: LedgerEntry;
  readonly down: LedgerEntry;
  readonly flat: LedgerEntry;
}

/** One claim of the catalyst paragraph, from one article: its text is a ledger `quote` entry, its date a `date` entry. */
export interface CatalystClaimLine {
  readonly text: LedgerEntry;
  readonly date: LedgerEntry;
  /** True when the article is of the story's own session date ("on Friday" rather than "on February 5"). */
  readonly sameDay: boolean;
}

/** What the news said about the session's top theme (news/why/chooseCatalyst.ts), attributed. */
export interface CatalystLine {
  /** Short publisher name, e.g. `RTHK` (escaped). */
  readonly source: string;
  readonly theme: { readonly id: string; readonly en: string; readonly zhHant: string };
  /** A sentence of the article, reported (not quoted), figures taken out. */
  readonly reported: CatalystClaimLine & {
    /** False when the sentence opens with an ordinary word that English lowercases after "reported that". */
    readonly opensWithName: boolean;
    /** What the article is about, for the Chinese sentence: the story's symbol, a mover (names), or the market. */
    readonly subject: { readonly tie: 'symbol' | 'mover' | 'market'; readonly names: StoryNames | null };
  };
  /** Words the article prints in quotation marks, with the speaker it names; null when none fits. */
  readonly quote: (CatalystClaimLine & { readonly speaker: string; readonly sameArticle: boolean }) | null;
  /** A second reported clause, from another article of the theme that names its key word (`tariffs`); null when none. */
  readonly also: (CatalystClaimLine & { readonly source: string; readonly opensWithName: boolean }) | null;
  /** Tags: the theme and its detector theme. */
  readonly themes: readonly string[];
}

/** What a story says, before any language: the output of "decide what is news". */
export interface StoryPlan {
  readonly symbol: string;
  readonly kind: 'index' | 'stock';
  readonly names: StoryNames;
  /** The index's own descriptor for the lede, with its member count as a ledger figure; null when none. */
  readonly descriptor: { readonly en: string; readonly 'zh-Hant': string; readonly count: LedgerEntry | null } | null;
  readonly session: LedgerEntry;
  /** First session of the data when history is not known to be complete: records are "in data since". */
  readonly historyFrom: LedgerEntry | null;
  readonly leadKind: LeadKind;
  /** The headline fact (the rarest, rankFacts.ts); null when the lead is the day's move. */
  readonly lead: FactLine | null;
  /** A related fact said in the lede's own sentence ("..., sending it into a bear market"); null when none. */
  readonly leadAlso: FactLine | null;
  /** Rarity of the lead: once in this many sessions of the series' history. */
  readonly leadRarity: number;
  /** The weight of the day: `quiet` (2-3 paragraphs), `normal`, or `major` (a record, a regime change, a 3-sigma move). */
  readonly weight: 'quiet' | 'normal' | 'major';
  /** The day's move in standard deviations of the previous 60 sessions' moves; null when unknown. */
  readonly sigmas: number | null;
  readonly close: LedgerEntry;
  readonly changePct: LedgerEntry | null;
  readonly changePoints: LedgerEntry | null;
  /** The session's reversal, when its close crossed the previous close after a big intraday move the other way. */
  readonly shape: ShapeLine | null;
  /** Intraday extreme in the direction of the day's move (or of the lead), vs previous close. */
  readonly asMuchAs: { readonly up: boolean; readonly pct: LedgerEntry } | null;
  readonly context: readonly ContextLine[];
  /** The year's gains wiped out or its losses restored by this session; null when neither (or during trading). */
  readonly yearToDate: YearToDateLine | null;
  /** Other facts worth a sentence, after the lead. */
  readonly more: readonly FactLine[];
  /** Members that moved with the index, best first; the first is the leader. */
  readonly withMove: readonly MoverLine[];
  /** Members that moved against it. */
  readonly against: readonly MoverLine[];
  readonly contributors: readonly ContributionLine[];
  /** True when contributions come from a replica of the index (said in the text). */
  readonly contributionsFromReplica: boolean;
  readonly breadth: BreadthLine | null;
  /** The members' combined market value change, where share counts exist; null otherwise. */
  readonly marketValue: MarketValueLine | null;
  readonly catalyst: CatalystLine | null;
  readonly tags: readonly string[];
  /**
   * Written during trading: the local time the figures reflect (a ledger `date` entry whose parts are the hour,
   * the 12-hour clock's hour and the minute) and the phase; null after the close.
   */
  readonly asOf: { readonly time: LedgerEntry; readonly phase: 'open' | 'lunch' } | null;
}
