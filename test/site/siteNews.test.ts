import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishNews } from '../../src/app/news/publishNews.js';
import { buildSite, type BuildSiteResult } from '../../src/app/site/buildSite.js';
import { articleIdOfUrl } from '../../src/news/parse/buildArticle.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { fixtureInput } from '../stories/fixtures.js';
import { citedArticle } from './siteFixture.js';

const CITED_URL = 'https://news.rthk.hk/rthk/en/component/k2/1790001-20250207.htm';
const OTHER_URL = 'https://news.rthk.hk/rthk/en/component/k2/1790002-20250208.htm';

function rthkArticle(title: string, date: string, url: string, body: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\nsource: RTHK (Radio Television Hong Kong), English finance news\nurl: ${url}\nlanguage: en\ncategory: finance\n---\n\n${body}\n`;
}

/** One story (both languages) citing the article at CITED_URL, and two RTHK articles republished by news publish. */
async function writeInputs(root: string): Promise<{ stories: string; posts: string }> {
  const stories = join(root, 'stories');
  const articles = join(root, 'articles');
  const posts = join(root, 'posts');
  mkdirSync(stories, { recursive: true });
  mkdirSync(articles, { recursive: true });
  const s = writeStory({
    ...fixtureInput(),
    symbol: 'TECH0',
    publishedLocal: '2025-02-07 16:10:00',
    // the story reports the article's sentence as its catalyst (news/why chooses it; here given)
    ...citedArticle('Technology shares rallied in the morning.', 'TECH0', articleIdOfUrl(CITED_URL) as string, CITED_URL),
  });
  expect(s.publishable).toBe(true);
  for (const d of s.documents) writeFileSync(join(stories, d.fileName), d.markdown);
  writeFileSync(join(stories, `${s.slug}.ledger.json`), JSON.stringify(s.ledger));
  writeFileSync(join(articles, 'a1.md'), rthkArticle('Tech shares rally on AI hopes', '2025-02-07T09:52:00+08:00', CITED_URL, 'Technology shares rallied in the morning.\n\nTraders cited hopes for artificial intelligence.'));
  writeFileSync(join(articles, 'a2.md'), rthkArticle('Harbour ferry fares to rise', '2025-02-08T11:00:00+08:00', OTHER_URL, 'Ferry operators said a zeppelin-themed promotion would follow the fare rise.'));
  const r = await publishNews({ inputs: [articles], outDir: posts });
  expect(r.written).toBe(2);
  return { stories, posts };
}

describe('site build with republished news (issue 12)', () => {
  const root = mkdtempSync(join(tmpdir(), 'iw-site-news-'));
  const out = join(root, 'site');
  let r: BuildSiteResult;
  let citedPost = '';
  let otherPost = '';
  const read = (rel: string) => readFileSync(join(out, rel), 'utf8');
  beforeAll(async () => {
    const { stories, posts } = await writeInputs(root);
    r = buildSite({ storiesDir: stories, newsDirs: [posts], outDir: out, baseUrl: 'https://example.org/' });
    const files = readdirSync(join(out, 'news'));
    citedPost = `news/${files.find((f) => f.startsWith('2025-02-07-tech-shares-rally'))}`;
    otherPost = `news/${files.find((f) => f.startsWith('2025-02-08-harbour-ferry'))}`;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds one page per news post under news/, beside the story pages', () => {
    expect(r).toMatchObject({ stories: 2, news: 2, issues: [] });
    expect(citedPost).toBe('news/2025-02-07-tech-shares-rally-on-ai-hopes.en.html');
    expect(otherPost).toBe('news/2025-02-08-harbour-ferry-fares-to-rise.en.html');
    for (const f of [citedPost, otherPost, 'stories/tech0-2025-02-07.en.html', 'stories/tech0-2025-02-07.zh-Hant.html']) expect(existsSync(join(out, f)), f).toBe(true);
  });

  it('lists stories and news together on the front page, newest first', () => {
    const { document } = parseHTML(read('index.html'));
    const hrefs = Array.from(document.querySelectorAll('main .stories h3 a') as ArrayLike<Element>).map((a) => a.getAttribute('href'));
    // 2025-02-08 11:00 post, then the 2025-02-07 16:10 story (en, zh-Hant), then the 2025-02-07 09:52 post
    expect(hrefs).toEqual([otherPost, 'stories/tech0-2025-02-07.en.html', 'stories/tech0-2025-02-07.zh-Hant.html', citedPost]);
    expect(read('index.html')).toMatch(/<article class="news">.*Harbour ferry fares to rise.*<span class="kind">News · rthk<\/span>/);
  });

  it('gives the source its category and tag page, listing its posts', () => {
    for (const page of ['categories/rthk.html', 'tags/rthk.html']) {
      const { document } = parseHTML(read(page));
      const hrefs = Array.from(document.querySelectorAll('main .stories h3 a') as ArrayLike<Element>).map((a) => a.getAttribute('href'));
      expect(hrefs, page).toEqual([`../${otherPost}`, `../${citedPost}`]);
    }
  });

  it('links each story to the post of the article it cites, and the post back to the stories citing it', () => {
    for (const lang of ['en', 'zh-Hant']) {
      const { document } = parseHTML(read(`stories/tech0-2025-02-07.${lang}.html`));
      const cited = Array.from(document.querySelectorAll('section.citations a') as ArrayLike<Element>).map((a) => a.getAttribute('href'));
      expect(cited, lang).toEqual([`../${citedPost}`]);
    }
    expect(read('stories/tech0-2025-02-07.en.html')).toContain('<h2>News cited in this story</h2>');
    expect(read('stories/tech0-2025-02-07.zh-Hant.html')).toContain('<h2>本報道引用的新聞</h2>');
    const { document } = parseHTML(read(citedPost));
    const citing = Array.from(document.querySelectorAll('section.citations a') as ArrayLike<Element>).map((a) => a.getAttribute('href'));
    expect(citing).toEqual(['../stories/tech0-2025-02-07.en.html', '../stories/tech0-2025-02-07.zh-Hant.html']);
    expect(read(citedPost)).toContain('<h2>Stories citing this article</h2>');
    // the post nobody cites has no citations section
    expect(read(otherPost)).not.toContain('class="citations"');
  });

  it('shows the post body as text and its closing link to the source', () => {
    const page = read(citedPost);
    expect(page).toContain('<p>Technology shares rallied in the morning.</p>');
    expect(page).toContain(`<p class="source"><a href="${CITED_URL}" rel="nofollow noopener noreferrer">rthk</a></p>`);
  });

  it('indexes both for search, with body words and the tags as the Chinese section shows them', () => {
    const index = JSON.parse(read('search.json')) as { u: string; k: string; b: string; z: string[]; g: string[] }[];
    expect(index.map((e) => e.u)).toEqual([otherPost, 'stories/tech0-2025-02-07.en.html', 'stories/tech0-2025-02-07.zh-Hant.html', citedPost]);
    expect(index.map((e) => e.k)).toEqual(['n', 's', 's', 'n']);
    expect(index[0]?.b).toContain('zeppelin-themed promotion');
    // the fixture story is tagged bull-market and ai: 牛市 and 人工智能 in the Chinese section
    expect(index[1]?.g).toEqual(expect.arrayContaining(['bull-market', 'ai']));
    expect(index[1]?.z).toEqual(expect.arrayContaining(['牛市', '人工智能']));
  });

  it('carries the news posts in the RSS feed, with absolute links', async () => {
    const feed = await new Parser().parseString(read('rss.xml'));
    expect(feed.items.map((i) => i.link)).toEqual([
      `https://example.org/${otherPost}`,
      'https://example.org/stories/tech0-2025-02-07.en.html',
      'https://example.org/stories/tech0-2025-02-07.zh-Hant.html',
      `https://example.org/${citedPost}`,
    ]);
  });
});
