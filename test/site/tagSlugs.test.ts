import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/app/site/buildSite.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();

const story = (slug: string, title: string, tags: string[]): string =>
  [
    '---', `title: "${title}"`, 'date: "2025-02-07 16:10:00"', 'summary: "s"', 'categories:', '  - "markets"',
    'lang:', '  - "en"', 'translations:', '  - "en"', 'tags:', ...tags.map((t) => `  - "${t}"`),
    'menu: ""', 'thumbnail: ""', 'lead: ""', 'comments: false', 'authorbox: false', 'pager: true', 'toc: false',
    'mathjax: false', 'sidebar: "right"', 'widgets:', '  - "search"', '---', '', `Body of ${slug}.`, '',
  ].join('\n');

describe('site tags that differ only in case or punctuation', () => {
  it('share one page listing every story once, instead of the second overwriting the first', () => {
    const root = tmp('iw-tags-');
    const stories = join(root, 'stories');
    const out = join(root, 'site');
    mkdirSync(stories);
    writeFileSync(join(stories, 'a-2025-02-07.en.md'), story('a', 'Story A', ['AI']));
    writeFileSync(join(stories, 'b-2025-02-07.en.md'), story('b', 'Story B', ['ai', 'Ai']));
    const r = buildSite({ storiesDir: stories, outDir: out });
    // "AI", "ai" and "Ai" all slug to "ai": one tag page, one entry in the counts
    expect(readdirSync(join(out, 'tags')).filter((f) => f !== 'index.html')).toEqual(['ai.html']);
    expect(r.tags).toBe(1);
    const page = readFileSync(join(out, 'tags/ai.html'), 'utf8');
    expect(page).toContain('Story A');
    expect(page).toContain('Story B');
    expect(page.match(/Story B/g)?.length).toBe(2); // once in the list and once in the recent widget, not twice in the list
  });
});
