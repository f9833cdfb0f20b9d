import type { SessionDate } from '../../core/units.js';
import type { Article } from '../../domain/article.js';
import type { TextLink } from '../link/EntityLinker.js';
import { rankByScore, scoreMention } from '../link/rankMentions.js';
import { ThemeDetector } from '../themes/ThemeDetector.js';
import { findThemes, type ArticleTie, type ThemeEvidence } from './findThemes.js';
import { localDate } from './localDate.js';
import type { NewsWindow } from './newsWindow.js';
import { rankContributors, rankMovers, whyRoles } from './rankMovers.js';
import type { MemberContribution, MemberMove, WhyArticle, WhyEventStudy, WhyReport, WhySecurity } from './whyTypes.js';

/** An article of the window with the securities the entity linker found in `title + "\n\n" + body`. */
export interface LinkedNews {
  readonly article: Article;
  readonly links: readonly TextLink[];
}

/** Everything `news why` decides from; gathered by the app (files, engine, event studies). */
export interface WhyInputs {
  readonly symbol: string;
  readonly benchmark: string;
  readonly session: SessionDate;
  readonly previousSession: SessionDate;
  /** The index's close-to-close change, percent. */
  readonly changePct: number;
  /** Every member's move on the session (members without a bar that day left out). */
  readonly moves: readonly MemberMove[];
  /** Every constituent's points from the engine, or null (then `contributorsNote` says why). */
  readonly contributions: readonly MemberContribution[] | null;
  readonly contributorsNote?: string;
  readonly window: NewsWindow;
  /** The window's articles, duplicates already left out. */
  readonly news: readonly LinkedNews[];
  /** Event study (or the note saying why there is none) of each security `whySecurities` names. */
  readonly eventStudies: ReadonlyMap<string, { readonly eventStudy: WhyEventStudy | null; readonly eventStudyNote?: string }>;
  readonly top: number;
  readonly articlesPerSecurity: number;
  readonly rejectedNews: number;
  readonly utcOffset?: string;
}

/**
 * The securities `news why` explains: the top movers by |change| and the biggest contributors by |points|.
 * The app runs their event studies, then calls `explainSession`.
 */
export function whySecurities(moves: readonly MemberMove[], contributions: readonly MemberContribution[] | null, top: number): string[] {
  return [...whyRoles(rankMovers(moves, top), contributions === null ? null : rankContributors(contributions, top)).keys()];
}

let detector: ThemeDetector | null = null;
/** The theme detector, built once (an automaton over every trigger phrase). */
function themeDetector(): ThemeDetector {
  return (detector ??= new ThemeDetector());
}

/**
 * `news why`: the session's top movers and biggest contributors, the window's articles that name each of them (and
 * the index, and the benchmark), ranked by rankMentions, with their themes and bank mentions, the event studies,
 * and the themes of the window (findThemes) tied to the index, those securities or the benchmark.
 * Pure: no I/O; the app gathers bars, engine points, articles and event studies.
 */
export function explainSession(x: WhyInputs): WhyReport {
  const movers = rankMovers(x.moves, x.top);
  const contributors = x.contributions === null ? null : rankContributors(x.contributions, x.top);
  const roles = whyRoles(movers, contributors);
  const detected = new Map<string, ReturnType<ThemeDetector['detect']>>();
  const detect = (n: LinkedNews) => {
    let d = detected.get(n.article.id);
    if (!d) detected.set(n.article.id, (d = themeDetector().detect(`${n.article.title}\n\n${n.article.body}`)));
    return d;
  };
  const evidence = x.news.map((n) => ({ n, links: n.links, titleLength: n.article.title.length, publishedMs: n.article.publishedMs }));
  const articlesFor = (sec: string): WhyArticle[] => {
    const scored = evidence.flatMap((e) => {
      const s = scoreMention(e, sec);
      return s === null ? [] : [{ id: e.n.article.id, e, s, score: s.score, publishedMs: e.publishedMs }];
    });
    return rankByScore(scored).slice(0, x.articlesPerSecurity).map(({ e, s }) => {
      const d = detect(e.n);
      const a = e.n.article;
      return { id: a.id, title: a.title, publishedAt: a.publishedAt, url: a.url, origin: a.origin, score: s.score, mentions: s.mentions, inTitle: s.inTitle, themes: d.themes, institutions: d.institutions };
    });
  };
  const securities: WhySecurity[] = [...roles.entries()].map(([symbol, r]) => {
    const move = x.moves.find((m) => m.symbol === symbol);
    const contrib = contributors?.find((c) => c.symbol === symbol);
    const es = x.eventStudies.get(symbol) ?? { eventStudy: null, eventStudyNote: 'no event study was run' };
    return {
      symbol, name: move?.name ?? contrib?.name ?? symbol, roles: r, changePct: move?.changePct ?? null,
      contributionPoints: contrib?.contributionPoints ?? null, ...es, articles: articlesFor(symbol),
    };
  });
  const themeEvidence: ThemeEvidence[] = x.news.flatMap((n) => {
    const tie = tieOf(n.links.map((l) => l.securityId as string), x.symbol, new Set(roles.keys()), x.benchmark);
    if (tie === null) return [];
    const sessionsBack = localDate(n.article.publishedMs, x.utcOffset) >= x.session ? 0 : 1;
    return [{ id: n.article.id, publishedMs: n.article.publishedMs, sessionsBack, tie, themes: detect(n).themes }];
  });
  const themes = findThemes(themeEvidence).map((t) => ({ theme: t.theme.id, en: t.theme.en, zhHant: t.theme.zhHant, score: t.score, articles: t.articles.map((a) => a.id) }));
  return {
    symbol: x.symbol, session: x.session, previousSession: x.previousSession, changePct: x.changePct,
    newsWindow: { from: x.window.from, to: x.window.to },
    articlesInWindow: x.news.length, movers, contributors,
    ...(x.contributorsNote !== undefined ? { contributorsNote: x.contributorsNote } : {}),
    securities, indexArticles: articlesFor(x.symbol),
    benchmarkArticles: x.benchmark === x.symbol ? [] : articlesFor(x.benchmark), themes, rejectedNews: x.rejectedNews,
  };
}

/**
 * How an article that names `symbols` is tied to a story about `symbol`: the symbol itself, else one of `movers`,
 * else the market `benchmark`; null when it names none of them.
 * @example tieOf(['HSI', '9988.HK'], 'HSTECH', new Set(['9988.HK']), 'HSI') // 'mover'
 */
export function tieOf(symbols: readonly string[], symbol: string, movers: ReadonlySet<string>, benchmark: string | null): ArticleTie | null {
  if (symbols.includes(symbol)) return 'symbol';
  if (symbols.some((s) => movers.has(s))) return 'mover';
  if (benchmark !== null && symbols.includes(benchmark)) return 'market';
  return null;
}
