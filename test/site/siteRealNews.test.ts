import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import type { FactLedger } from '../../src/domain/story.js';
import { publishNews, type PublishNewsSummary } from '../../src/app/news/publishNews.js';
import { buildSite, type BuildSiteResult } from '../../src/app/site/buildSite.js';
import { exportHugoContent } from '../../src/app/site/exportHugoContent.js';
import { writeStoryFiles } from '../../src/app/story/writeStoryFiles.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA, SEED_DIR } from '../support/sharedData.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();

describeWithSharedData('one site of the 711 RTHK posts, the seed and a real story citing one of them (real data)', () => {
  let root = '';
  let site = '';
  let published: PublishNewsSummary;
  let r: BuildSiteResult;
  let ledger: FactLedger;
  const read = (rel: string) => readFileSync(join(site, rel), 'utf8');
  beforeAll(async () => {
    root = tmp('iw-site-real-');
    const stories = join(root, 'stories');
    const posts = join(root, 'posts');
    site = join(root, 'site');
    // HSTECH on 2025-02-24 quotes an RTHK article of that day (docs/stories.md)
    const story = await writeStoryFiles({ symbol: 'HSTECH', date: '2025-02-24' as SessionDate, dataDir: HK_DATA, membersPath: join(HK_DATA, 'hstech_members.csv'), newsPath: NEWS_DATA, outDir: stories, charts: false });
    expect(story.published).toBe(true);
    ledger = JSON.parse(readFileSync(join(stories, 'hstech-2025-02-24.ledger.json'), 'utf8')) as FactLedger;
    published = await publishNews({ inputs: [NEWS_DATA, SEED_DIR], outDir: posts });
    r = buildSite({ storiesDir: stories, newsDirs: [posts], outDir: site, baseUrl: 'https://example.org/' });
  }, 180_000);

  it('has a page for every post written, beside the two story pages', () => {
    expect(published.rejected).toEqual([]);
    expect(r.issues).toEqual([]);
    expect(r.stories).toBe(2);
    expect(r.news).toBe(published.posts.length);
    expect(readdirSync(join(site, 'news')).filter((f) => f.endsWith('.html'))).toHaveLength(published.posts.length);
    // the seed's source is its category: a page of its own beside RTHK's
    expect(existsSync(join(site, 'categories/morningstar.html'))).toBe(true);
    const { document } = parseHTML(read('categories/rthk.html'));
    // every post but the seed's is RTHK's
    expect(published.posts.filter((p) => p.url?.startsWith('https://www.morningstar.com/'))).toHaveLength(1);
    expect(document.querySelectorAll('main .stories li').length).toBe(published.posts.length - 1);
  });

  it('links the story to the posts of the articles its catalyst comes from, and each post back to both languages of the story', () => {
    const cited = new Set(ledger.entries.filter((e) => e.source.series.startsWith('article:')).map((e) => e.source.series));
    expect(cited.size).toBeGreaterThan(0); // 2025-02-24 has a catalyst from the RTHK news
    for (const lang of ['en', 'zh-Hant']) {
      const { document } = parseHTML(read(`stories/hstech-2025-02-24.${lang}.html`));
      const links = Array.from(document.querySelectorAll('section.citations a') as ArrayLike<Element>);
      expect(links, lang).toHaveLength(cited.size); // every cited article is an RTHK post on the site
      for (const link of links) {
        const href = link.getAttribute('href') ?? '';
        expect(href).toMatch(/^\.\.\/news\/2025-02-\d\d-.*\.en\.html$/);
        const post = parseHTML(read(href.slice(3))).document;
        expect(link.textContent).toBe(post.querySelector('h1')?.textContent);
        expect(Array.from(post.querySelectorAll('section.citations a') as ArrayLike<Element>).map((a) => a.getAttribute('href'))).toEqual([
          '../stories/hstech-2025-02-24.en.html',
          '../stories/hstech-2025-02-24.zh-Hant.html',
        ]);
        // the post republishes an article the ledger names: its closing link goes to that article's URL
        const source = post.querySelector('p.source a')?.getAttribute('href') ?? '';
        expect(ledger.entries.some((e) => e.source.computation.includes(`from ${source} `))).toBe(true);
      }
    }
  });

  it('indexes every post with its body words for search', () => {
    const index = JSON.parse(read('search.json')) as { u: string; k: string; b: string }[];
    expect(index.filter((e) => e.k === 'n')).toHaveLength(published.posts.length);
    const seed = index.find((e) => e.u.startsWith('news/2025-02-07-deepseek-breakthrough'));
    // a word of the seed's body only (not in its title or 50-word summary)
    expect(seed?.b).toContain('rerating catalyst');
  });

  it('builds with Debian hugo (minimal layout): all the posts and the story together, no errors or warnings', () => {
    const hugo = spawnSync('hugo', ['version'], { encoding: 'utf8' });
    expect(hugo.status, 'hugo not found on PATH: run apt-get install -y hugo, or npm test which does').toBe(0);
    const hugoSite = join(root, 'hugo');
    mkdirSync(hugoSite, { recursive: true });
    expect(exportHugoContent(join(root, 'stories'), hugoSite, [join(root, 'posts')])).toBe(2 + published.posts.length);
    const b = spawnSync('hugo', ['--buildFuture', '--source', hugoSite, '--destination', join(hugoSite, 'public'), '--cacheDir', join(root, 'hugo-cache')], { encoding: 'utf8' });
    const log = `${b.stdout}\n${b.stderr}`;
    expect(b.status, log).toBe(0);
    expect(log).not.toMatch(/ERROR|WARN/);
    const pub = (p: string) => join(hugoSite, 'public', p);
    const seedPost = published.posts.find((p) => p.file.startsWith('2025-02-07-deepseek'))!.file.replace(/\.en\.md$/, '');
    for (const p of ['posts/hstech-2025-02-24/index.html', 'zh-hant/posts/hstech-2025-02-24/index.html', `news/${seedPost}/index.html`, 'categories/rthk/index.html', 'categories/morningstar/index.html', 'tags/rthk/index.html', 'index.xml']) {
      expect(existsSync(pub(p)), p).toBe(true);
    }
    const newsPages = readdirSync(pub('news'), { withFileTypes: true }).filter((d) => d.isDirectory()).length;
    expect(newsPages).toBe(published.posts.length);
    expect(readFileSync(pub(`news/${seedPost}/index.html`), 'utf8')).toContain('<h1>DeepSeek Breakthrough Fuels Rally in Chinese Tech Stocks — Update</h1>');
  }, 120_000);
});
