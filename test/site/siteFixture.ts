import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionDate } from '../../src/core/units.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { fixtureArticle, fixtureInput } from '../stories/fixtures.js';

/** XSS payloads a news headline might carry (they reach the story as a quote). */
export const HOSTILE_TITLE = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> [link](javascript:alert(1)) & "quotes"`;

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
      { ...base, symbol, publishedLocal: `${day} 16:10:00`, articles: i === 0 ? [fixtureArticle(HOSTILE_TITLE)] : [] },
      { figures: i === 0 ? [{ alt: { en: 'chart <b>', 'zh-Hant': '走勢圖' }, src: `${symbol.toLowerCase()}-2025-02-07.index.svg` }] : [] },
    );
    for (const d of s.documents) writeFileSync(join(dir, d.fileName), d.markdown);
    if (i === 0) writeFileSync(join(dir, `${s.slug}.index.svg`), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  }
  void ('2025-02-07' as SessionDate);
}
