/**
 * Naive baselines for bench/story.bench.ts.
 * - naiveThumbnail: what a first version does: a fresh DOM per chart and resvg with the system fonts
 *   loaded on every call (font discovery each time) instead of the one bundled file.
 * - naiveBuildSite: renders every page with widgets recomputed from all stories (sort for "recent", count
 *   for the tag list) on each page: O(pages x stories).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { parseHTML } from 'linkedom';
import type { StoryInput } from '../../src/domain/story.js';
import { indexChartSvg } from '../../src/stories/charts/indexChartSvg.js';
import { slugify } from '../../src/stories/site/escapeHtml.js';
import { storyPage, type SiteWidgets } from '../../src/stories/site/renderSitePages.js';
import type { SiteConfig, SiteStory } from '../../src/stories/site/siteStory.js';

export function naiveThumbnail(input: StoryInput): Buffer {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = indexChartSvg({ title: input.names.en, bars: input.bars.slice(-260), levels: [], markDate: input.date }, document);
  return new Resvg(svg, { fitTo: { mode: 'width', value: 800 }, font: { loadSystemFonts: true } }).render().asPng();
}

export function naiveBuildSite(stories: readonly SiteStory[], out: string): number {
  const cfg: SiteConfig = { title: 'Indexwire', baseUrl: '/', recentCount: 10 };
  mkdirSync(join(out, 'stories'), { recursive: true });
  let pages = 0;
  for (const s of stories) {
    const sorted = [...stories].sort((a, b) => (a.date < b.date ? 1 : -1));
    const counts = new Map<string, number>();
    for (const x of stories) for (const t of x.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    const w: SiteWidgets = { recent: sorted.slice(0, 10), tags: [...counts].map(([tag, count]) => ({ tag, slug: slugify(tag), count })) };
    const same = sorted.filter((x) => x.lang === s.lang);
    const i = same.indexOf(s);
    writeFileSync(join(out, 'stories', `${s.slug}.${s.lang}.html`), storyPage(cfg, w, s, same[i + 1] ?? null, same[i - 1] ?? null, (l) => stories.some((x) => x.slug === s.slug && x.lang === l)));
    pages++;
  }
  return pages;
}
