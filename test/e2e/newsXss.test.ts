import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishNews } from '../../src/app/news/publishNews.js';
import { buildSite, type BuildSiteResult } from '../../src/app/site/buildSite.js';
import { articleIdOfUrl } from '../../src/news/parse/buildArticle.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { fixtureInput } from '../stories/fixtures.js';
import { citedArticle } from '../site/siteFixture.js';
import { launchChromium, openTrappedPage } from './browser.js';
import { XSS_TEXT_PAYLOADS as T, XSS_URL_PAYLOADS as U } from './xssCorpus.js';

/**
 * Issue 12: the stories' XSS corpus (test/e2e/xssCorpus.ts) through `news publish` and the site, in Chromium.
 * Every payload reaches a post through each input format news publish reads: Markdown articles (title, body,
 * source, url field, a closing link), an RSS feed (item titles and descriptions, entity-encoded as feeds carry
 * HTML) and an HTML page; a story quotes one hostile headline, so the citation links carry it both ways.
 */
const ARTICLES = 8;
const PER = T.length / ARTICLES; // 24 / 8 = 3 payloads in each headline
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const urlOf = (i: number) => `https://news.example.org/hostile/${i}.htm`;

function writeArticles(dir: string): void {
  for (let i = 0; i < ARTICLES; i++) {
    const mine = T.slice(i * PER, (i + 1) * PER);
    const body = [...T, `[link](${U[i % U.length]})`, `![img](${U[(i + 1) % U.length]})`, `Paragraph with the word quokka${i}.`].join('\n\n');
    // article 0 has a javascript: URL as its url field: no closing link can come of it
    const url = i === 0 ? (U[0] as string) : urlOf(i);
    writeFileSync(
      join(dir, `hostile-${i}.md`),
      `---\ntitle: ${JSON.stringify(`${mine.join(' ')} headline ${i}`)}\ndate: 2025-02-0${i + 1}T10:00:00+08:00\nsource: ${JSON.stringify(`${mine[0]} Wire`)}\nurl: ${JSON.stringify(url)}\nlanguage: en\n---\n\n${body}\n`,
    );
  }
  const items = T.slice(0, 6).map(
    (p, i) => `<item><title>${xmlText(`${p} feed item ${i}`)}</title><link>https://feed.example.org/item/${i}</link><pubDate>Mon, 10 Feb 2025 0${i}:00:00 +0800</pubDate><description>${xmlText(`<p>${T.join('</p><p>')}</p><p>feed body wombat${i}</p>`)}</description></item>`,
  );
  writeFileSync(join(dir, 'hostile-feed.xml'), `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>${xmlText(`${T[1]} Feed`)}</title><link>https://feed.example.org/</link><description>x</description>\n${items.join('\n')}\n</channel></rss>\n`);
  writeFileSync(
    join(dir, 'hostile-page.html'),
    `<!doctype html><html lang="en"><head><title>${xmlText(T[0] as string)} page headline</title><meta property="article:published_time" content="2025-02-11T09:00:00+08:00"><link rel="canonical" href="https://page.example.org/p.htm"></head><body><article><h1>${xmlText(T[0] as string)} page headline</h1>${T.map((p) => `<p>${xmlText(p)} in the page body, which is long enough for Readability to keep it as the article's text.</p>`).join('')}<p>${T.slice(0, 4).join(' ')}</p></article></body></html>\n`,
  );
}

let browser: Browser;
let server: FastifyInstance;
let base: string;
let root = '';
let r: BuildSiteResult;
let newsPages: string[] = [];
let rejected: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'indexwire-news-xss-'));
  const articles = join(root, 'articles');
  const posts = join(root, 'posts');
  const stories = join(root, 'stories');
  mkdirSync(articles);
  mkdirSync(stories);
  writeArticles(articles);
  const published = await publishNews({ inputs: [articles], outDir: posts });
  // Feed item 3's title is `<svg><script>__xss(4)</script></svg> feed item 3`: the feed reader treats it as HTML and
  // this item is refused as having no title (a refusal named by file, item and field, never a post with markup)
  rejected = published.rejected.map((x) => x.reason.replace(/^.*hostile-/, 'hostile-'));
  expect(rejected.every((x) => /^hostile-feed\.xml#item\d+: field "title": missing or empty$/.test(x)), rejected.join('; ')).toBe(true);
  // a story citing article 1, so both citation lists carry its hostile headline (the post's title)
  const s = writeStory({ ...fixtureInput(), symbol: 'TECH0', publishedLocal: '2025-02-07 16:10:00', ...citedArticle('Technology shares rallied in the morning.', 'TECH0', articleIdOfUrl(urlOf(1)) as string, urlOf(1)) });
  expect(s.publishable).toBe(true);
  for (const d of s.documents) writeFileSync(join(stories, d.fileName), d.markdown);
  writeFileSync(join(stories, `${s.slug}.ledger.json`), JSON.stringify(s.ledger));
  const out = join(root, 'site');
  r = buildSite({ storiesDir: stories, newsDirs: [posts], outDir: out });
  newsPages = readdirSync(join(out, 'news')).map((f) => `/news/${f}`).sort();
  server = Fastify();
  await server.register(fastifyStatic, { root: out });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const addr = server.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

describe('XSS corpus in republished news posts (news publish + site build, Chromium)', () => {
  it('publishes every hostile article, and the story links the hostile post it quotes', () => {
    expect(r.issues).toEqual([]);
    // 8 Markdown articles + 6 feed items + 1 HTML page, less the feed items refused for an empty title
    expect(rejected.length).toBeLessThanOrEqual(1);
    expect(r.news).toBe(ARTICLES + 6 + 1 - rejected.length);
    expect(newsPages).toHaveLength(ARTICLES + 6 + 1 - rejected.length);
  });

  it('renders every news page, the story pages, front, tag and category pages with the payloads as text: zero executions', async () => {
    const { page, hits } = await openTrappedPage(browser);
    const pages = [...newsPages, '/stories/tech0-2025-02-07.en.html', '/stories/tech0-2025-02-07.zh-Hant.html', '/index.html', '/zh-hant/index.html', '/tags/index.html'];
    const bad: string[] = [];
    let citations = 0;
    let shown = 0;
    for (const p of pages) {
      await page.goto(`${base}${p}`, { waitUntil: 'load' });
      const dom = await page.evaluate(() => ({
        onAttrs: Array.from(document.querySelectorAll('*')).filter((e) => Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
        scriptLinks: Array.from(document.querySelectorAll('a[href], img[src], iframe, object, embed, meta[http-equiv]'))
          .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('http-equiv') ?? e.tagName)
          .filter((u) => /^\s*(javascript|vbscript|data):/i.test(u) || /^(IFRAME|OBJECT|EMBED|refresh)$/i.test(u)),
        scripts: Array.from(document.querySelectorAll('script')).map((s) => s.getAttribute('src') ?? 'inline'),
        imgs: Array.from(document.querySelectorAll('main img')).map((i) => i.getAttribute('src')),
        citations: document.querySelectorAll('section.citations a').length,
        sourceLinks: Array.from(document.querySelectorAll('p.source a')).map((a) => a.getAttribute('href') ?? ''),
        shown: (document.querySelector('main')?.textContent ?? '').includes('<script>__xss(1)</script>'),
      }));
      citations += dom.citations;
      if (dom.shown) shown++;
      const scriptOk = dom.scripts.length === 1 && /search\.js$/.test(dom.scripts[0] ?? '');
      const sourcesOk = dom.sourceLinks.every((u) => /^https:\/\/(news|feed|page)\.example\.org\//.test(u));
      if (dom.onAttrs > 0 || dom.scriptLinks.length > 0 || !scriptOk || dom.imgs.length > 0 || !sourcesOk) bad.push(`${p}: ${JSON.stringify(dom)}`);
    }
    expect(bad).toEqual([]);
    // the story pages (en, zh-Hant) each link the quoted post; that post links both back
    expect(citations).toBe(2 + 2);
    expect(hits).toEqual([]);
    // payloads are shown, as text: article 0's headline starts with <script>__xss(1)</script>
    expect(shown).toBeGreaterThan(0);
    await page.close();
  });

  it('searches the posts in the browser: a payload as the query stays text, and a word of a body finds its post', async () => {
    const { page, hits } = await openTrappedPage(browser);
    await page.goto(`${base}/index.html`);
    await page.fill('#search-q', '<img src=x onerror=__xss(2)>'); // in article 0's headline
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    expect(await page.textContent('#search-results')).toMatch(/<img src="?x"? onerror=/); // payload titles, as text
    // "quokka5" is only in the body of Markdown article 5; "wombat3" only in the body of feed item 3
    await page.fill('#search-q', 'quokka5');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li a').length === 1);
    expect(await page.textContent('#search-results li a')).toBe(`${T.slice(5 * PER, 6 * PER).join(' ')} headline 5`);
    await page.fill('#search-q', 'wombat3');
    await page.waitForFunction(() => (document.querySelector('#search-results li a')?.textContent ?? '').endsWith('feed item 3'));
    expect(await page.$$eval('#search-results li a', (as) => as.length)).toBe(1);
    await page.waitForTimeout(200);
    expect(hits).toEqual([]);
    await page.close();
  });
});
