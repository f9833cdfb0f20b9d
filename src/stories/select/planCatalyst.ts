import type { LinkedArticle } from '../../domain/story.js';
import { escapeMarkdown } from '../render/escapeMarkdown.js';
import type { LedgerBuilder } from '../ledger/LedgerBuilder.js';
import type { CatalystLine } from './planTypes.js';

/**
 * `RTHK (Radio Television Hong Kong), English finance news` -> `RTHK`, escaped for the story's Markdown (a feed's
 * title is untrusted text: `<img onerror=...>` or `[x](javascript:...)` must stay inert, issue 15).
 */
export function shortSourceName(source: string): string {
  const s = source.split(/\s*[(,]/)[0]?.trim() ?? '';
  return escapeMarkdown(s === '' ? source.trim() : s);
}

/**
 * Picks the article a story may cite, never a cause of its own: the most relevant linked article
 * (news layer's `relevance`, then articles naming the symbol or the day's movers, then articles with
 * themes, then the latest). Its headline is quoted verbatim with attribution; null without articles.
 * @param moverSymbols the symbols named in the movers paragraph.
 */
export function planCatalyst(
  articles: readonly LinkedArticle[],
  symbol: string,
  moverSymbols: readonly string[],
  ledger: LedgerBuilder,
): CatalystLine | null {
  const named = new Set([symbol, ...moverSymbols]);
  const score = (a: LinkedArticle) =>
    a.relevance * 100 + (a.symbols.some((s) => named.has(s)) ? 10 : 0) + (a.themes.length > 0 ? 1 : 0);
  const usable = articles.filter((a) => a.article.duplicateOf === null && a.article.title.trim() !== '');
  const best = [...usable].sort((x, y) => score(y) - score(x) || y.article.publishedMs - x.article.publishedMs)[0];
  if (!best) return null;
  const a = best.article;
  const text = escapeMarkdown(a.title.replace(/\s+/g, " ").trim());
  const quote = ledger.add({
    id: `quote.${a.id}`,
    kind: 'quote',
    value: a.publishedMs,
    dp: 0,
    text,
    source: { series: `article:${a.id}`, session: a.publishedAt, field: 'title', computation: `quoted verbatim from ${a.url ?? a.origin}` },
  });
  return { source: shortSourceName(a.source), articleId: a.id, url: a.url, quote, themes: best.themes.map((t) => t.theme) };
}
