import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildSiteResult } from '../../src/app/site/buildSite.js';
import { renderStoryBody } from '../../src/stories/site/renderStoryBody.js';
import { writeFixtureStories } from './siteFixture.js';

describe('site build', () => {
  const root = mkdtempSync(join(tmpdir(), 'iw-site-'));
  const stories = join(root, 'stories');
  const out = join(root, 'site');
  let r: BuildSiteResult;
  const read = (rel: string) => readFileSync(join(out, rel), 'utf8');
  beforeAll(() => {
    writeFixtureStories(stories, 3);
    writeFileSync(join(stories, 'broken.en.md'), '---\ntitle: "ok"\ndate: "2025-02-07 16:10:00"\ntags: hstech\n---\nbody\n');
    r = buildSite({ storiesDir: stories, outDir: out, baseUrl: 'https://example.org/' });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes the front page, story pages, tag and category pages, the tag list, search, RSS and charts', () => {
    // 3 stories x 2 languages; tags: techx0..2, bull-market, ai
    expect(r).toMatchObject({ stories: 6, tags: 5, categories: 1, assets: 1 });
    for (const f of ['index.html', 'stories/tech0-2025-02-07.en.html', 'stories/tech0-2025-02-07.zh-Hant.html', 'tags/index.html', 'tags/bull-market.html', 'tags/ai.html', 'categories/markets.html', 'search.json', 'search.js', 'rss.xml', 'stories/tech0-2025-02-07.index.svg']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });

  it('reports a bad story file with file, line and field, and keeps the others', () => {
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatch(/broken\.en\.md:4: field "tags": must be a list of strings/);
  });

  it('is readable without JavaScript: the story text, widgets, translations and pager are in the HTML', () => {
    const page = read('stories/tech1-2025-02-07.en.html');
    expect(page).toContain('<h1>Techx Index enters technical bull market</h1>');
    expect(page).toContain('closed more than 20% above its January 13 low, entering technical bull territory.');
    expect(page).toContain('href="tech1-2025-02-07.zh-Hant.html" hreflang="zh-Hant"');
    expect(page).toMatch(/<section class="widget recent">.*tech0-2025-02-07\.en\.html/s);
    expect(page).toMatch(/<section class="widget taglist">.*tags\/bull-market\.html/s);
    expect(page).toContain('rel="prev" href="tech2-2025-02-07.en.html"');
    expect(page).toContain('rel="next" href="tech0-2025-02-07.en.html"');
    expect(read('index.html')).toContain('<noscript>');
  });

  it('escapes untrusted text everywhere: no tag, handler or javascript: URL survives', () => {
    const files = [...readdirSync(join(out, 'stories')).filter((f) => f.endsWith('.html')).map((f) => `stories/${f}`), 'index.html', 'rss.xml'];
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const { document } = parseHTML(read(f));
      const scripts = Array.from(document.querySelectorAll('script') as ArrayLike<Element>).map((e) => e.getAttribute('src'));
      expect(scripts, f).toEqual(['../search.js'.slice(f.includes('/') ? 0 : 3)]);
      expect(document.querySelectorAll('img[src="x"]').length, f).toBe(0);
      for (const el of Array.from(document.querySelectorAll('*') as ArrayLike<Element>)) {
        for (const a of Array.from(el.attributes as ArrayLike<Attr>)) {
          expect(a.name.startsWith('on'), `${f}: ${a.name}`).toBe(false);
          expect(/^\s*javascript:/i.test(a.value), `${f}: ${a.value}`).toBe(false);
        }
      }
    }
    expect(read('rss.xml')).not.toMatch(/<script|<img/);
    expect(read('stories/tech0-2025-02-07.en.html')).toContain('&lt;script&gt;window.__pwned=true&lt;/script&gt;');
    expect(read('stories/tech0-2025-02-07.en.html')).toContain('alt="chart &lt;b&gt;"');
    // the search index is JSON data rendered by search.js with textContent only
    expect(JSON.parse(read('search.json'))).toHaveLength(6);
    expect(read('search.js')).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write/);
  });

  it('publishes a valid RSS 2.0 feed, newest first, with absolute links', async () => {
    const feed = await new Parser().parseString(read('rss.xml'));
    expect(feed.items).toHaveLength(6);
    expect(feed.items[0]?.link).toBe('https://example.org/stories/tech0-2025-02-07.en.html');
    expect(feed.items[0]?.pubDate).toBe('Fri, 07 Feb 2025 16:10:00 +0800');
  });
});

describe('renderStoryBody', () => {
  it('turns only local chart images into figures; anything else is text', () => {
    expect(renderStoryBody('![x](evil.js)\n\n![y](javascript:alert(1))')).toBe('<p>![x](evil.js)</p>\n<p>![y](javascript:alert(1))</p>');
    expect(renderStoryBody('a \\[b\\] &lt;i&gt;')).toBe('<p>a [b] &lt;i&gt;</p>');
  });
});
