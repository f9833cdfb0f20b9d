import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { NewsItem, StoryPage } from '../../src/app/desk/deskService.js';
import { startServer, type StartedServer } from '../../src/server/startServer.js';
import { createFakeDesk } from '../server/fakeDesk.js';
import { launchChromium, openTrappedPage } from './browser.js';
import { XSS_TEXT_PAYLOADS, XSS_URL_PAYLOADS } from './xssCorpus.js';

let server: StartedServer;
let browser: Browser;

const T = XSS_TEXT_PAYLOADS;
const news: NewsItem[] = [
  ...T.map((p, i) => ({
    id: `t${i}`,
    title: p,
    body: `${p}\n\n${T[(i + 7) % T.length]}`,
    publishedAt: '2025-03-25T10:00:00+08:00',
    source: T[(i + 3) % T.length] as string,
    url: XSS_URL_PAYLOADS[i % XSS_URL_PAYLOADS.length] as string,
    symbols: [],
  })),
];
const stories: StoryPage[] = ['en', 'zh-Hant'].flatMap((lang) =>
  T.map((p, i) => ({
    slug: `xss-${i}`,
    lang,
    title: p,
    date: '2025-03-26',
    summary: p,
    translations: ['en', 'zh-Hant'],
    body: `# ${p}\n\n${T.join('\n\n')}\n\n![evil](evil.svg)\n\n![x](javascript:__xss(301))\n\n![y](../evil.svg)`,
    tags: [p],
    categories: [p],
  })),
);

const trappedPage = (): Promise<{ page: Page; hits: string[] }> => openTrappedPage(browser);

beforeAll(async () => {
  const evil = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="__xss(302)"><script>__xss(303)</script><rect width="10" height="10"/></svg>';
  const desk = createFakeDesk({ assets: { 'evil.svg': { contentType: 'image/svg+xml', body: new TextEncoder().encode(evil) } }, news, stories, memberNames: [T[1] as string, T[2] as string, T[18] as string], factTypes: [T[0] as string, T[3] as string] });
  server = await startServer({ desk, host: '127.0.0.1', port: 0, rateLimit: false });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('XSS corpus in the dashboard (Chromium)', () => {
  it(`shows ${T.length} markup payloads and ${XSS_URL_PAYLOADS.length} URL payloads as text, with zero executions`, async () => {
    const { page, hits } = await trappedPage();
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    // Open stories in both languages, search the news with a payload, hover and focus everything.
    for (const lang of ['en', 'zh-Hant']) {
      await page.click(`#stories button[data-slug="xss-1"][data-lang="${lang}"]`);
      await page.waitForSelector('#story p');
    }
    await page.fill('#news-search', '<img src=x onerror=__xss(900)>');
    await page.waitForTimeout(600);
    await page.fill('#news-search', '');
    await page.waitForTimeout(600);
    await page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        for (const t of ['mouseover', 'focus', 'click', 'toggle', 'load', 'error']) {
          if (el.tagName !== 'A' && el.tagName !== 'BUTTON' && el.tagName !== 'SELECT') el.dispatchEvent(new Event(t));
        }
      }
    });
    await page.waitForTimeout(300);

    // The payloads are on the page, verbatim, as text.
    expect(await page.textContent('#news')).toContain('<script>__xss(1)</script>');
    expect(await page.textContent('#story')).toContain('<svg onload=__xss(3)>');
    expect(await page.textContent('#constituents')).toContain('<img src=x onerror=__xss(2)>');
    expect(await page.textContent('#gainers')).toContain('<img src=x onerror=__xss(2)>');
    // fact types are shown with underscores as spaces ('period_high' -> 'period high')
    expect(await page.textContent('#facts')).toContain('<script>  xss(1)</script>');
    // No element built from data: no injected elements, no event attributes, no non-http links.
    const dom = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      charts: Array.from(document.querySelectorAll<HTMLImageElement>('main img.story-chart')).map((i) => new URL(i.src).pathname),
      injected: document.querySelectorAll('main img:not(.story-chart), main svg, main iframe, main object, main embed, main style, main math, main input:not(#news-search), main meta, main details').length,
      onAttrs: Array.from(document.querySelectorAll('*')).filter((e) => Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
      badLinks: Array.from(document.querySelectorAll('a')).filter((a) => !/^https?:/.test(a.href)).map((a) => a.href),
    }));
    // the one image is the chart file named plainly; `javascript:` and `../` image targets stayed text
    expect(dom).toEqual({ scripts: 1, charts: ['/api/story-assets/evil.svg'], injected: 0, onAttrs: 0, badLinks: [] });
    expect(hits).toEqual([]);
    await page.close();
  });

  it('returns payloads in API JSON and error messages without executing them when opened directly', async () => {
    const { page, hits } = await trappedPage();
    for (const path of [
      '/api/news?q=%3Cscript%3E__xss(1)%3C%2Fscript%3E',
      '/api/stories/xss-1/en',
      '/api/%3Csvg%20onload%3D__xss(3)%3E',
      '/api/indexes/DEMO/levels?from=%3Cimg%20src%3Dx%20onerror%3D__xss(2)%3E',
    ]) {
      const r = await page.goto(`${server.url}${path}`);
      expect(r?.headers()['content-type']).toMatch(/^application\/json/);
      expect(r?.headers()['x-content-type-options']).toBe('nosniff');
    }
    // an SVG chart file with script, opened directly: the CSP (no inline script) stops it
    const svg = await page.goto(`${server.url}/api/story-assets/evil.svg`);
    expect(svg?.headers()['content-type']).toBe('image/svg+xml');
    await page.waitForTimeout(200);
    expect(hits).toEqual([]);
    await page.close();
  });

  it('the trap itself works (a control: a payload put in with innerHTML fires)', async () => {
    const { page, hits } = await trappedPage();
    await page.goto('about:blank');
    await page.setContent('<div id="x"></div>');
    await page.evaluate((p) => {
      (document.getElementById('x') as HTMLElement).innerHTML = p;
    }, T[1] as string);
    await page.waitForTimeout(300);
    expect(hits).toEqual(['__xss(2)']);
    await page.close();
  });
});
