import { carriesTheme, THEME_LEXICON, type CatalystTheme } from './themeLexicon.js';

/** How an article is tied to the story: it names the index (or stock) itself, one of its movers, or its market. */
export type ArticleTie = 'symbol' | 'mover' | 'market';

/** Weight of each tie: an article about the index itself counts three times one about the market at large. */
export const TIE_WEIGHT: Readonly<Record<ArticleTie, number>> = { symbol: 3, mover: 2, market: 1 };

/** One article of the window, as theme finding sees it. */
export interface ThemeEvidence {
  readonly id: string;
  readonly publishedMs: number;
  /** 0 when published on the session's date, 1 on the previous session's (or a non-session day after it), ... */
  readonly sessionsBack: number;
  readonly tie: ArticleTie;
  /** The news layer's detected themes with the trigger phrases that fired (ThemeDetector). */
  readonly themes: readonly { readonly theme: string; readonly triggers: readonly string[] }[];
}

/** A theme of the window with its score and its articles, heaviest first. */
export interface FoundTheme {
  readonly theme: CatalystTheme;
  readonly score: number;
  readonly articles: readonly { readonly id: string; readonly weight: number }[];
}

/**
 * Weight of one article: its tie weight divided by (1 + sessions back) squared, so news of the session's own day
 * counts most (a market report of the day outweighs one on the index itself the session before: 1 > 3/4) and news
 * of five sessions before counts a 36th as much.
 * @example articleWeight({tie: 'market', sessionsBack: 2, ...}) // 1 / 9
 */
export function articleWeight(e: Pick<ThemeEvidence, 'tie' | 'sessionsBack'>): number {
  return TIE_WEIGHT[e.tie] / (1 + e.sessionsBack) ** 2;
}

/**
 * The themes of the window's news tied to a story, ranked. A theme's score is the sum of the weights of the
 * distinct articles that carry it (articleWeight); themes with no article are left out. Order: score, then the
 * lexicon's order (a specific theme before the one it refines: DeepSeek before AI at equal score). Within a
 * theme, articles go heaviest first, then latest, then by id.
 * Pure: the evidence comes in already linked and tagged (news/link, news/themes).
 * @example findThemes([{id:'a', publishedMs:0, sessionsBack:0, tie:'market', themes:[{theme:'tariffs_trade', triggers:['tariffs']}]}])
 *   // [{theme: tariffs_trade, score: 1, articles: [{id: 'a', weight: 1}]}]
 */
export function findThemes(evidence: readonly ThemeEvidence[], lexicon: readonly CatalystTheme[] = THEME_LEXICON): FoundTheme[] {
  const found: (FoundTheme & { order: number })[] = [];
  lexicon.forEach((theme, order) => {
    const arts = evidence
      .filter((e) => carriesTheme(theme, e.themes))
      .map((e) => ({ id: e.id, weight: articleWeight(e), publishedMs: e.publishedMs }));
    const byId = new Map(arts.map((a) => [a.id, a]));
    if (byId.size === 0) return;
    const articles = [...byId.values()].sort((a, b) => b.weight - a.weight || b.publishedMs - a.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const score = articles.reduce((s, a) => s + a.weight, 0);
    found.push({ theme, score, articles: articles.map(({ id, weight }) => ({ id, weight })), order });
  });
  return found
    .sort((a, b) => byScore(a.score, b.score) || a.order - b.order)
    .map(({ theme, score, articles }) => ({ theme, score, articles }));
}

/** Higher score first; scores within 1e-9 are equal (1/3 + 1/6 and 1/2 tie). */
function byScore(a: number, b: number): number {
  return Math.abs(a - b) <= 1e-9 ? 0 : b - a;
}
