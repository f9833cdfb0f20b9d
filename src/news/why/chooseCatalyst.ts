import type { Article } from '../../domain/article.js';
import type { CatalystClaim, ClaimSource } from '../../domain/catalyst.js';
import { findThemes, type ArticleTie, type FoundTheme } from './findThemes.js';
import { hasFigure, withoutMoveFigures } from './figures.js';
import { findQuotes } from './findQuotes.js';
import { localDate } from './localDate.js';
import { articleParagraphs, splitSentences } from './sentences.js';
import { clauseSpans, opensWithAnaphor } from './clauses.js';
import type { CatalystTheme } from './themeLexicon.js';

/** An article of the story's window, tied to it (findThemes.ts), with its detected themes. */
export interface CatalystArticle {
  readonly article: Article;
  readonly tie: ArticleTie;
  /** The symbol that ties it: the story's, a mover's, or the market benchmark's. */
  readonly tiedTo: string;
  readonly sessionsBack: number;
  readonly themes: readonly { readonly theme: string; readonly triggers: readonly string[] }[];
}

/** Longest sentence or quote a story repeats, in words. */
export const MAX_CLAIM_WORDS = 60;

/**
 * The catalyst a story may state: the top theme of the window (findThemes) and what its heaviest article said about
 * it. The reported text is the clause of the article's first body sentence that carries the theme (reportedClause:
 * one of its trigger phrases, no quotation mark, no figure once move figures are taken out, figures.ts); the quote is the
 * first attributed quote (findQuotes.ts) of the theme's articles, heaviest first, that names the theme and holds no
 * figure. A theme none of whose articles gives such a sentence passes to the next; null when none does or when the
 * window has no tied article: then the story says nothing about causes. `move` (the story's move that day) drops
 * every sentence and quote that says the market went the other way (contradicts): HSTECH fell 2.4% on 2025-01-22,
 * so RTHK's `... ended the week with gains` of five days earlier is never its cause.
 * @example chooseCatalyst([]) // null
 */
export function chooseCatalyst(articles: readonly CatalystArticle[], utcOffset = '+08:00', focus: readonly string[] = STORY_FOCUS, move: MoveDirection = null): CatalystClaim | null {
  const usable = articles.filter((a) => a.article.duplicateOf === null);
  const byId = new Map(usable.map((a) => [a.article.id, a]));
  const themes = findThemes(usable.map((a) => ({ id: a.article.id, publishedMs: a.article.publishedMs, sessionsBack: a.sessionsBack, tie: a.tie, themes: a.themes })));
  for (const t of themes) {
    const arts = t.articles.map((x) => byId.get(x.id)).filter((a): a is CatalystArticle => a !== undefined);
    for (const [a, text] of [false, true].flatMap((transitive) => arts.map((a) => [a, reportedClause(a, t.theme, focus, transitive, undefined, false, move)] as const))) {
      if (text === null) continue;
      const also = alsoFor(arts, a, t.theme, text, focus, utcOffset, move);
      return { theme: { id: t.theme.id, en: t.theme.en, zhHant: t.theme.zhHant }, reported: { ...sourceOf(a, utcOffset), text, opensWithName: opensWithName(text, a.article.body) }, quote: quoteFor(arts, t, utcOffset, move), also };
    }
  }
  return null;
}

/**
 * When the first clause names none of the theme's key words (`tariff`, `tariffs`), the clause of another article of
 * the theme, heaviest first, that names one in a main clause about the story's market (reportedClause with the key
 * words as its phrases; `New Zealand faced smaller tariffs` after an `as` is not about Hong Kong): 2025-04-07's
 * trade-war clause gets RTHK 04-03's `Hong Kong stocks sank ... after US President Donald Trump announced sweeping
 * tariffs ...`. Null when the theme has no key words, the first clause names one, or no other article gives one.
 */
function alsoFor(arts: readonly CatalystArticle[], first: CatalystArticle, theme: CatalystTheme, firstText: string, focus: readonly string[], utcOffset: string, move: MoveDirection): NonNullable<CatalystClaim['also']> | null {
  const key = theme.key;
  if (!key || namesPhrase(firstText, key)) return null;
  for (const transitive of [false, true]) {
    for (const a of arts) {
      if (a === first) continue;
      const text = reportedClause(a, theme, focus, transitive, key, true, move);
      if (text !== null) return { ...sourceOf(a, utcOffset), text, opensWithName: opensWithName(text, a.article.body) };
    }
  }
  return null;
}

/** The trigger phrases of `theme` that fired in the article. */
function triggersIn(a: CatalystArticle, theme: CatalystTheme): string[] {
  const hit = a.themes.find((x) => x.theme === theme.detectorTheme);
  return (hit?.triggers ?? []).filter((tr) => theme.triggers === undefined || theme.triggers.includes(tr));
}

/** True when `text` holds one of `phrases` as a whole word (ASCII case ignored for phrases longer than 5 characters). */
export function namesPhrase(text: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => new RegExp(`(?<![A-Za-z0-9])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, p.length > 5 ? 'i' : '').test(text));
}

/** The story's move that day: `up`, `down`, or null (unchanged, or not known: no sentence is dropped). */
export type MoveDirection = 'up' | 'down' | null;

const UP_WORDS = /\b(?:gain(?:s|ed|ing)?|rose|rall(?:y|ies|ied|ying)|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|rebound(?:s|ed|ing)?)\b/i;
const DOWN_WORDS = /\b(?:fell|fall(?:s|en|ing)?|slump(?:s|ed|ing)?|div(?:e|es|ed|ing)|dove|s[ai]nk(?:s|ing)?|sank|slid(?:e|es|ing)?|drop(?:s|ped|ping)?|plung(?:e|es|ed|ing)|tumbl(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|crumbl(?:e|es|ed|ing)|tank(?:s|ed|ing)?|loss(?:es)?)\b/i;

/**
 * True when `text` says the market went the way opposite to `move` and never the same way: `... ended the week with
 * gains` contradicts a fall; `stocks dived ... as markets crumbled` does not. Mixed or direction-free text never does.
 * @example contradicts('Markets ended the week with gains.', 'down') // true
 */
export function contradicts(text: string, move: MoveDirection): boolean {
  if (move === null) return false;
  const up = UP_WORDS.test(text);
  const down = DOWN_WORDS.test(text);
  return move === 'up' ? down && !up : up && !down;
}

/** What a main clause must name for a story to keep it: the story's market (`Hong Kong stocks soared ...`). */
export const STORY_FOCUS: readonly string[] = ['Hong Kong', 'Hang Seng', 'HK'];

/**
 * The clause of the article that carries the theme (clauses.ts), in the first sentence that has one: a span that
 * names the theme, holds no quotation mark and, after its move figures are taken out, no figure. When a span from
 * the sentence's start has a main clause about the story's market (`focus`), the shortest such span; otherwise the
 * shortest clause that starts after a subordinator (`Shares in Shanghai rose ... as mainland investors returned ...
 * DeepSeek` gives `mainland investors returned ... DeepSeek.`). A span that needs no figure taken out is preferred.
 * `transitive` (a second pass over the theme's articles, when none gave a clause) also takes figures out after
 * `piled on`, `added`, `shed`, `lost`. `phrases` (the theme's key words) replaces the triggers the clause must name;
 * `onTopicOnly` keeps only spans whose main clause is about the story's market.
 */
function reportedClause(a: CatalystArticle, theme: CatalystTheme, focus: readonly string[], transitive: boolean, phrases?: readonly string[], onTopicOnly = false, move: MoveDirection = null): string | null {
  const triggers = triggersIn(a, theme).length === 0 ? [] : phrases ?? triggersIn(a, theme);
  if (triggers.length === 0) return null;
  for (const p of articleParagraphs(a.article.body)) {
    for (const s of splitSentences(p)) {
      if (!namesPhrase(s, triggers) || contradicts(s, move)) continue;
      const spans = clauseSpans(s).flatMap((c) => {
        if (/["“”]/.test(c.text) || opensWithAnaphor(c.text)) return [];
        const clean = withoutMoveFigures(c.text, transitive);
        if (clean === null || !namesPhrase(clean, triggers) || words(clean) > MAX_CLAIM_WORDS || !/[.!?]$/.test(clean)) return [];
        return [{ ...c, clean, trimmed: clean !== c.text }];
      });
      if (spans.length === 0) continue;
      const onTopic = spans.filter((c) => c.fromStart && namesPhrase(c.head, focus));
      const clauses = spans.filter((c) => !c.fromStart);
      const pool = onTopic.length > 0 || onTopicOnly ? onTopic : clauses.length > 0 ? clauses : spans;
      const best = [...pool].sort((x, y) => Number(x.trimmed) - Number(y.trimmed) || words(x.clean) - words(y.clean))[0];
      if (best) return best.clean;
    }
  }
  return null;
}

function quoteFor(arts: readonly CatalystArticle[], t: FoundTheme, utcOffset: string, move: MoveDirection): CatalystClaim['quote'] {
  for (const a of arts) {
    const triggers = triggersIn(a, t.theme);
    for (const q of findQuotes(articleParagraphs(a.article.body))) {
      if (!namesPhrase(q.text, triggers) || contradicts(q.text, move) || hasFigure(q.text) || words(q.text) > MAX_CLAIM_WORDS) continue;
      return { ...sourceOf(a, utcOffset), text: q.text, speaker: q.speaker };
    }
  }
  return null;
}

function sourceOf(a: CatalystArticle, utcOffset: string): ClaimSource {
  const x = a.article;
  return { articleId: x.id, url: x.url, source: x.source, publishedAt: x.publishedAt, localDate: localDate(x.publishedMs, utcOffset), tie: a.tie, tiedTo: a.tiedTo };
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * True when the sentence opens with a name (`Hong Kong stocks`, `Chinese firm DeepSeek`): its first word is never
 * written in lower case in the article. `Shares in Shanghai` opens with an ordinary word when `shares` occurs.
 */
export function opensWithName(sentence: string, body: string): boolean {
  const first = /^[A-Za-z'’-]+/.exec(sentence)?.[0];
  if (!first || first === first.toUpperCase()) return true;
  if (/^(?:The|A|An|Shares|Stocks|Markets|Investors)$/.test(first)) return false;
  return !new RegExp(`(?<![A-Za-z])${first.toLowerCase()}(?![A-Za-z])`).test(body);
}
