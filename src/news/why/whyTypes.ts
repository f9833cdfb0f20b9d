import type { SessionDate } from '../../core/units.js';
import type { DetectedTheme, InstitutionMention } from '../themes/ThemeDetector.js';

/** One article in a `news why` answer, with its score for the security it is listed under. */
export interface WhyArticle {
  readonly id: string;
  readonly title: string;
  readonly publishedAt: string;
  readonly url: string | null;
  readonly origin: string;
  readonly score: number;
  readonly mentions: number;
  readonly inTitle: boolean;
  readonly themes: readonly DetectedTheme[];
  readonly institutions: readonly InstitutionMention[];
}

export interface WhyEventStudy {
  readonly benchmark: string;
  readonly beta: number;
  /** Abnormal return on the day (fraction) and its t-statistic. */
  readonly abnormalReturn: number;
  /** Null when the market model fits perfectly (t undefined). */
  readonly tStat: number | null;
  /** CARs by window `[from,to]` (fractions; null when the data ends first). */
  readonly windows: readonly { from: number; to: number; car: number | null; tStat: number | null; pValue: number | null; rankZ: number | null }[];
}

/** A session move of one member, percent (2.9 = 2.9%). */
export interface MemberMove {
  readonly symbol: string;
  readonly name: string;
  readonly changePct: number;
}

/** Points a member added to the index (engine), with its weight (fraction) and change (percent). */
export interface MemberContribution {
  readonly symbol: string;
  readonly name: string;
  readonly contributionPoints: number;
  readonly weight: number;
  readonly changePct: number;
}

export type WhyRole = 'mover' | 'contributor';

export interface WhySecurity {
  readonly symbol: string;
  readonly name: string;
  readonly roles: readonly WhyRole[];
  /** Close-to-close change in percent (2.9 = 2.9%). */
  readonly changePct: number | null;
  readonly contributionPoints: number | null;
  readonly eventStudy: WhyEventStudy | null;
  readonly eventStudyNote?: string;
  readonly articles: readonly WhyArticle[];
}

/** A theme of the session's news (findThemes.ts), as `news why` prints it. */
export interface WhyTheme {
  readonly theme: string;
  readonly en: string;
  readonly zhHant: string;
  /** Sum of the weights of the articles that carry it (findThemes.ts). */
  readonly score: number;
  /** Ids of those articles, heaviest first. */
  readonly articles: readonly string[];
}

export interface WhyReport {
  readonly symbol: string;
  readonly session: SessionDate;
  readonly previousSession: SessionDate;
  readonly changePct: number;
  /** News window in Hong Kong time: from the start of the previous session's day to the end of the session's day. */
  readonly newsWindow: { readonly from: string; readonly to: string };
  readonly articlesInWindow: number;
  readonly movers: readonly MemberMove[];
  readonly contributors: readonly MemberContribution[] | null;
  readonly contributorsNote?: string;
  /** Movers and contributors with their ranked articles and event studies. */
  readonly securities: readonly WhySecurity[];
  /** Articles that name the index itself. */
  readonly indexArticles: readonly WhyArticle[];
  /** Articles that name the benchmark (the market backdrop), when it is not the index itself. */
  readonly benchmarkArticles: readonly WhyArticle[];
  /** Themes of the window's articles tied to the index, its movers and contributors, or the benchmark; ranked. */
  readonly themes: readonly WhyTheme[];
  readonly rejectedNews: number;
}
