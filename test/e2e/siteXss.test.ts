import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite } from '../../src/app/site/buildSite.js';
import { launchChromium, openTrappedPage } from './browser.js';
import { XSS_TEXT_PAYLOADS as T, XSS_URL_PAYLOADS as U } from './xssCorpus.js';

let browser: Browser;
let server: FastifyInstance;
let base: string;
let pages: string[];

/** Stories per language; each carries 3 payloads in its title, summary and tags, and every payload in its body. */
const STORIES = 8;
const PER_STORY = T.length / STORIES; // 24 / 8 = 3

/** The payloads in title, summary, tags, categories, thumbnail and body, in both languages. */
function writeStories(dir: string): void {
  const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
  for (let i = 0; i < STORIES; i++) {
    const mine = T.slice(i * PER_STORY, (i + 1) * PER_STORY);
    for (const lang of ['en', 'zh-Hant']) {
      const fm = [
        `title: ${q(`${mine.join(' ')} title ${i}`)}`,
        `date: "2025-02-0${i + 1} 16:10:53"`,
        `summary: ${q(mine.join(' '))}`,
        `categories:\n  - ${q(mine[0] as string)}`,
        `lang:\n  - "${lang}"`,
        'translations:\n  - "en"\n  - "zh-Hant"',
        `tags:\n${[...mine, U[i % U.length] as string].map((t) => `  - ${q(t)}`).join('\n')}`,
        'menu: ""',
        `thumbnail: ${q(U[i % U.length] as string)}`,
        'lead: ""',
        'comments: false',
        'authorbox: false',
        'pager: true',
        'toc: false',
        'mathjax: false',
        'sidebar: "right"',
        'widgets:\n  - "search"\n  - "recent"\n  - "taglist"',
      ].join('\n');
      const body = [`# ${mine[0]}`, ...T, `[link](${U[i % U.length]})`, `![img](${U[(i + 1) % U.length]})`].join('\n\n');
      writeFileSync(join(dir, `xss-${i}.${lang}.md`), `---\n${fm}\n---\n\n${body}\n`);
    }
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });
}

let root = '';
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'indexwire-site-xss-'));
  const stories = join(root, 'stories');
  mkdirSync(stories);
  writeStories(stories);
  const out = join(root, 'site');
  const r = buildSite({ storiesDir: stories, outDir: out });
  expect(r.issues).toEqual([]);
  expect(r.stories).toBe(STORIES * 2);
  const all = htmlFiles(out).map((f) => `/${relative(out, f).split('\\').join('/')}`).sort();
  // every story page and every top-level page; tag and category pages repeat the same text, so a sample
  pages = [
    ...all.filter((p) => !p.startsWith('/tags/') && !p.startsWith('/categories/')),
    ...all.filter((p) => p.startsWith('/tags/')).slice(0, 6),
    ...all.filter((p) => p.startsWith('/categories/')).slice(0, 3),
  ];
  server = Fastify();
  await server.register(fastifyStatic, { root: out });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const a = server.server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

describe('XSS corpus in the static site (Chromium)', () => {
  it('renders every page with the payloads as text: zero executions, no injected elements or script links', async () => {
    const { page, hits } = await openTrappedPage(browser);
    expect(pages.length).toBeGreaterThan(STORIES * 2 + 9); // story pages plus front, tag and category pages
    const bad: string[] = [];
    for (const p of pages) {
      await page.goto(`${base}${p}`, { waitUntil: 'load' });
      const dom = await page.evaluate(() => ({
        onAttrs: Array.from(document.querySelectorAll('*')).filter((e) => Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
        scriptLinks: Array.from(document.querySelectorAll('a[href], img[src], iframe, object, embed'))
          .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.tagName)
          .filter((u) => /^\s*(javascript|vbscript|data):/i.test(u) || /^(IFRAME|OBJECT|EMBED)$/.test(u)),
        inlineScripts: Array.from(document.querySelectorAll('script:not([src])')).map((s) => s.textContent ?? '').filter((t) => t.includes('__xss')),
      }));
      if (dom.onAttrs > 0 || dom.scriptLinks.length > 0 || dom.inlineScripts.length > 0) bad.push(`${p}: ${JSON.stringify(dom)}`);
    }
    // The client-side search with a payload as the query, on the front page.
    await page.goto(`${base}/index.html`);
    const search = await page.$('#search-q, input[type="search"]');
    expect(search).not.toBeNull();
    await search?.fill('<img src=x onerror=__xss(900)>');
    await page.waitForTimeout(300);
    await search?.fill('title'); // every payload story title ends in "title N"
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0, undefined, { timeout: 5000 });
    expect(await page.textContent('#search-results')).toMatch(/<img src="?x"? onerror=/); // payload titles, as text
    await page.waitForTimeout(200);
    expect(bad).toEqual([]);
    expect(hits).toEqual([]);
    const text = await page.textContent('body');
    expect(text).toContain('<script>__xss(1)</script>'); // payloads are shown, as text
    await page.close();
  });
});
