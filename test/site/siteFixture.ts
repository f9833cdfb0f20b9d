import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionDate } from '../../src/core/units.js';
import type { CatalystClaim } from '../../src/domain/catalyst.js';
import type { LinkedArticle } from '../../src/domain/story.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { fixtureArticle, fixtureInput } from '../stories/fixtures.js';

/**
 * XSS payloads a news sentence might carry (they reach the story as its reported catalyst). No digit and no quotation
 * mark: the catalyst checker refuses a reported sentence with a figure or an unrecorded quotation.
 */
export const HOSTILE_TITLE = `<script>window.__pwned=true</script><img src=x onerror=window.__pwned=true> [link](javascript:alert(true)) & more`;

/**
 * The story's catalyst as the news layer would choose it (news/why/chooseCatalyst.ts): `la`'s body reported, tied to
 * the story's own symbol, under the AI theme. The sentence must be the article's own words (its body).
 */
export function fixtureCatalyst(la: LinkedArticle, symbol: string, text = la.article.body): CatalystClaim {
  const a = la.article;
  return {
    theme: { id: 'ai', en: 'artificial intelligence', zhHant: '人工智能' },
    reported: { articleId: a.id, url: a.url, source: a.source, publishedAt: a.publishedAt, localDate: a.publishedAt.slice(0, 10), tie: 'symbol', tiedTo: symbol, text, opensWithName: false },
    quote: null,
  };
}

/** A linked article whose headline and body are `text`, with the catalyst reporting it. */
export function citedArticle(text: string, symbol: string, id?: string, url?: string): { articles: LinkedArticle[]; catalyst: CatalystClaim } {
  const f = fixtureArticle(text);
  const la: LinkedArticle = { ...f, symbols: [symbol], article: { ...f.article, body: text, ...(id !== undefined ? { id } : {}), ...(url !== undefined ? { url } : {}) } };
  return { articles: [la], catalyst: fixtureCatalyst(la, symbol) };
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
      { ...base, symbol, publishedLocal: `${day} 16:10:00`, ...(i === 0 ? citedArticle(HOSTILE_TITLE, symbol) : { articles: [] }) },
      { figures: i === 0 ? [{ alt: { en: 'chart <b>', 'zh-Hant': '走勢圖' }, src: `${symbol.toLowerCase()}-2025-02-07.index.svg` }] : [] },
    );
    for (const d of s.documents) writeFileSync(join(dir, d.fileName), d.markdown);
    if (i === 0) writeFileSync(join(dir, `${s.slug}.index.svg`), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  }
  void ('2025-02-07' as SessionDate);
}
