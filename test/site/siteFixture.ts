import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionDate } from '../../src/core/units.js';
import type { CatalystClaim } from '../../src/domain/catalyst.js';
import type { LinkedArticle } from '../../src/domain/story.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { fixtureArticle, fixtureInput } from '../stories/fixtures.js';

/**
 * XSS payloads an article's sentence might carry (they reach the story as its reported catalyst sentence; a story
 * never prints a figure or an unrecorded quotation from an article, so the payload has neither).
 */
export const HOSTILE_TITLE = `<script>window.__pwned=true</script><img src=x onerror=window.__pwned=true> [link](javascript:alert(true)) & AI stocks rose.`;

/** The fixture's linked article carrying the hostile sentence, and the catalyst the news layer would take from it. */
function hostileNews(): { articles: LinkedArticle[]; catalyst: CatalystClaim } {
  const linked = fixtureArticle('AI stocks rose');
  const article = { ...linked.article, body: HOSTILE_TITLE };
  const source = { articleId: article.id, url: article.url, source: article.source, publishedAt: article.publishedAt, localDate: '2025-02-07', tie: 'symbol' as const, tiedTo: 'TECH0' };
  return {
    articles: [{ ...linked, article }],
    catalyst: { theme: { id: 'ai', en: 'artificial intelligence', zhHant: '人工智能' }, reported: { ...source, text: HOSTILE_TITLE, opensWithName: true }, quote: null },
  };
}

/**
 * Writes `n` fixture stories (both languages, with a hostile quoted headline in the newest) into `dir`,
 * one per day back from 2025-02-07, with a chart file beside the first.
 */
export function writeFixtureStories(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const symbol = `TECH${i}`;
    const day = new Date(Date.UTC(2025, 1, 7 - i)).toISOString().slice(0, 10);
    const base = fixtureInput();
    const s = writeStory(
      { ...base, symbol, publishedLocal: `${day} 16:10:00`, ...(i === 0 ? hostileNews() : { articles: [] }) },
      { figures: i === 0 ? [{ alt: { en: 'chart <b>', 'zh-Hant': '走勢圖' }, src: `${symbol.toLowerCase()}-2025-02-07.index.svg` }] : [] },
    );
    for (const d of s.documents) writeFileSync(join(dir, d.fileName), d.markdown);
    if (i === 0) writeFileSync(join(dir, `${s.slug}.index.svg`), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  }
  void ('2025-02-07' as SessionDate);
}

/**
 * A linked article whose headline and body are `text`, and the catalyst the news layer would choose from it
 * (news/why/chooseCatalyst.ts): its body reported, tied to the story's symbol, under the AI theme. For tests that
 * join a story to the post of the article it cites (by `id`, the article id of `url`).
 */
export function citedArticle(text: string, symbol: string, id?: string, url?: string): { articles: LinkedArticle[]; catalyst: CatalystClaim } {
  const f = fixtureArticle(text);
  const a = { ...f.article, body: text, ...(id !== undefined ? { id } : {}), ...(url !== undefined ? { url } : {}) };
  const source = { articleId: a.id, url: a.url, source: a.source, publishedAt: a.publishedAt, localDate: a.publishedAt.slice(0, 10), tie: 'symbol' as const, tiedTo: symbol };
  return {
    articles: [{ ...f, symbols: [symbol], article: a }],
    catalyst: { theme: { id: 'ai', en: 'artificial intelligence', zhHant: '人工智能' }, reported: { ...source, text, opensWithName: true }, quote: null },
  };
}
