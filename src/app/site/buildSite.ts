import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { citationLinks } from '../../stories/site/citationLinks.js';
import { slugify } from '../../stories/site/escapeHtml.js';
import { pageShell, rfc822, rssFeed, searchIndex, storyList, storyPage, tagIndexPage, type SiteWidgets } from '../../stories/site/renderSitePages.js';
import { SEARCH_JS, STYLE_CSS } from '../../stories/site/siteAssets.js';
import { SECTION_LOCALES, zhHantStylesheet } from '../../stories/site/siteLocale.js';
import { SITE_POSTS_FILE, storyPath, type SiteConfig, type SiteStory } from '../../stories/site/siteStory.js';
import { readNewsPostFiles, readStoryFiles } from './readStoryFiles.js';
import { siteWebFonts } from './siteWebFonts.js';
import { ensureOutputDir } from '../ensureOutputDir.js';

/** Article id -> the pages of the posts republishing it (one per language), relative to the site root. */
function postsByArticle(pages: readonly SiteStory[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of pages) if (p.kind === 'news' && p.articleId) (out[p.articleId] ??= []).push(storyPath(p));
  return out;
}

/** Tags shown in the "tag list" widget (most used first); the tag list page has them all. */
export const TAGLIST_WIDGET_SIZE = 30;

export interface BuildSiteOptions {
  readonly storiesDir: string;
  /** Folders of republished news posts (`news publish --out`), shown beside the stories. */
  readonly newsDirs?: readonly string[];
  readonly outDir: string;
  readonly title?: string;
  readonly baseUrl?: string;
  /** Called with (pages written, pages total). */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BuildSiteResult {
  readonly stories: number;
  /** News posts (one per article and language). */
  readonly news: number;
  readonly pages: number;
  readonly tags: number;
  readonly categories: number;
  readonly assets: number;
  readonly issues: readonly string[];
}

/**
 * `indexwire site build`: a static site from a folder of stories and folders of republished news posts: front
 * page (both, newest first), one page per story or post and language, tag and category pages (a post's source is
 * its category and first tag), the tag list, the "recent" and "tag list" widgets on every page, citations both
 * ways (a story links the posts of the articles it quotes, a post the stories that quote it), client-side search
 * over both (search.json + search.js: front matter and body words), an RSS feed and the charts.
 * Built into `<out>.tmp` and swapped in at the end, so a failed build leaves the previous site whole.
 * @throws SourceError when a stories or news folder cannot be read; ConfigError when `outDir` is or contains one.
 */
export function buildSite(o: BuildSiteOptions): BuildSiteResult {
  // The swap removes the output folder: it must not be (or contain) the stories or posts being read.
  for (const [dir, what] of [[o.storiesDir, 'stories'], ...(o.newsDirs ?? []).map((d) => [d, 'news'])] as const) {
    const up = relative(resolve(o.outDir), resolve(dir));
    const outside = up === '..' || up.startsWith(`..${sep}`) || isAbsolute(up);
    if (!outside) {
      throw new ConfigError({ source: '--out', value: o.outDir, reason: `is or contains the ${what} folder ${dir}, which the build would delete` });
    }
  }
  const cfg: SiteConfig = { title: o.title ?? 'Indexwire', baseUrl: o.baseUrl ?? '/', recentCount: 10 };
  const read = readStoryFiles(o.storiesDir);
  const news = (o.newsDirs ?? []).map((d) => readNewsPostFiles(d));
  const issues = [...read.issues, ...news.flatMap((n) => n.issues)];
  const stories = [...read.stories, ...news.flatMap((n) => n.stories)].sort(
    (a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : (a.kind ?? 'story').localeCompare(b.kind ?? 'story') || a.slug.localeCompare(b.slug) || a.lang.localeCompare(b.lang)),
  );
  const cites = citationLinks(stories);
  const newsCount = stories.filter((s) => s.kind === 'news').length;
  // Tags and categories that differ only in case or punctuation share a page (their slug): one group each.
  const byTag = groupBySlug(stories, (s) => s.tags);
  const byCat = groupBySlug(stories, (s) => s.categories);
  const allTags = [...byTag.entries()].map(([slug, g]) => ({ tag: g.label, slug, count: g.list.length })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  const w: SiteWidgets = {
    recent: stories.slice(0, cfg.recentCount),
    tags: allTags.slice(0, TAGLIST_WIDGET_SIZE),
  };
  // Each language section (zh-hant/) has its own front page, tag and category pages, feed and widgets, over
  // the stories of its language; the English root keeps every story, as before.
  const sections = SECTION_LOCALES.map((L) => {
    const list = stories.filter((s) => s.lang === L.lang);
    const tagsOf = groupBySlug(list, (s) => s.tags);
    const all = [...tagsOf.entries()].map(([slug, g]) => ({ tag: g.label, slug, count: g.list.length })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
    return { L, list, byTag: tagsOf, byCat: groupBySlug(list, (s) => s.categories), allTags: all, w: { recent: list.slice(0, cfg.recentCount), tags: all.slice(0, TAGLIST_WIDGET_SIZE) } as SiteWidgets };
  }).filter((x) => x.list.length > 0);
  const widgetsOf = (lang: string) => sections.find((x) => x.L.lang === lang)?.w ?? w;
  const tmp = `${o.outDir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  ensureOutputDir(tmp, '--out', o.outDir);
  for (const d of ['stories', 'news', 'tags', 'categories']) mkdirSync(join(tmp, d), { recursive: true });
  for (const x of sections) for (const d of ['tags', 'categories']) mkdirSync(join(tmp, x.L.section, d), { recursive: true });
  let pages = 0;
  const total = stories.length + byTag.size + byCat.size + 2 + sections.reduce((n, x) => n + x.byTag.size + x.byCat.size + 2, 0);
  // The characters of each section language's pages, for its self-hosted web font (regular; bold for headings).
  const glyphs = new Map(sections.map((x) => [x.L.lang, { regular: new Set<string>(), bold: new Set<string>() }]));
  const put = (rel: string, text: string, lang = 'en') => {
    const g = glyphs.get(lang);
    if (g) {
      for (const ch of text) g.regular.add(ch);
      for (const m of text.matchAll(/<(h1|h2|h3|strong|a class="brand")[^>]*>([^]*?)<\/(?:h1|h2|h3|strong|a)>/g)) for (const ch of m[2] ?? '') g.bold.add(ch);
    }
    writeFileSync(join(tmp, rel), text);
    if (rel.endsWith('.html')) {
      pages++;
      o.onProgress?.(pages, total);
    }
  };
  const keys = new Set(stories.map((s) => storyPath(s)));
  const byLang = group(stories, (s) => [`${s.kind ?? 'story'} ${s.lang}`]);
  for (const list of byLang.values()) {
    list.forEach((s, i) => {
      // list is newest first: "previous" is the older story (or post) of the same kind and language
      const links = { citedNews: cites.citedNews(s), citingStories: cites.citingStories(s) };
      put(storyPath(s), storyPage(cfg, widgetsOf(s.lang), s, list[i + 1] ?? null, list[i - 1] ?? null, (l) => keys.has(storyPath({ ...s, lang: l })), links), s.lang);
    });
  }
  put('index.html', pageShell(cfg, w, '', cfg.title, `<h1>Latest stories</h1>\n${storyList(stories.slice(0, 100), '')}${stories.length > 100 ? '\n<p>Older stories are on the <a href="tags/index.html">tag pages</a>.</p>' : ''}`));
  for (const [slug, { label, list }] of byTag) put(`tags/${slug}.html`, pageShell(cfg, w, '../', `Tag: ${label}`, `<h1>Tag: ${escape(label)}</h1>\n${storyList(list, '../')}`));
  for (const [slug, { label, list }] of byCat) put(`categories/${slug}.html`, pageShell(cfg, w, '../', `Category: ${label}`, `<h1>Category: ${escape(label)}</h1>\n${storyList(list, '../')}`));
  put('tags/index.html', tagIndexPage(cfg, { ...w, tags: allTags }));
  for (const x of sections) {
    const { L } = x;
    const sec = L.section;
    const up = '../'.repeat(sec.split('/').filter(Boolean).length);
    const t = L.text;
    put(`${sec}index.html`, pageShell(cfg, x.w, up, cfg.title, `<h1>${escape(t.latest)}</h1>\n${storyList(x.list.slice(0, 100), up, L.lang)}${x.list.length > 100 ? `\n<p>${t.olderStories('tags/index.html')}</p>` : ''}`, L.lang), L.lang);
    for (const [slug, { label, list }] of x.byTag) put(`${sec}tags/${slug}.html`, pageShell(cfg, x.w, `${up}../`, t.tagTitle(L.term(label)), `<h1>${escape(t.tagTitle(L.term(label)))}</h1>\n${storyList(list, `${up}../`, L.lang)}`, L.lang), L.lang);
    for (const [slug, { label, list }] of x.byCat) put(`${sec}categories/${slug}.html`, pageShell(cfg, x.w, `${up}../`, t.categoryTitle(L.term(label)), `<h1>${escape(t.categoryTitle(L.term(label)))}</h1>\n${storyList(list, `${up}../`, L.lang)}`, L.lang), L.lang);
    put(`${sec}tags/index.html`, tagIndexPage(cfg, { ...x.w, tags: x.allTags }, L.lang, `${up}../`), L.lang);
    put(`${sec}rss.xml`, rssFeed(cfg, x.list.slice(0, 50), x.list[0] ? rfc822(x.list[0].date) : ''));
  }
  put('rss.xml', rssFeed(cfg, stories.slice(0, 50), stories[0] ? rfc822(stories[0].date) : ''));
  put('search.json', searchIndex(stories));
  put(SITE_POSTS_FILE, JSON.stringify(postsByArticle(stories)));
  put('search.js', SEARCH_JS);
  put('style.css', STYLE_CSS);
  for (const x of sections) {
    const g = glyphs.get(x.L.lang);
    const stylesheet = x.L.stylesheet;
    if (!g || !stylesheet) continue;
    const fonts = siteWebFonts(x.L.lang, [...g.regular].join(''), [...g.bold].join(''));
    mkdirSync(join(tmp, 'fonts'), { recursive: true });
    for (const f of fonts.files) writeFileSync(join(tmp, 'fonts', f.name), f.bytes);
    put(stylesheet, zhHantStylesheet({ regular: `fonts/${fonts.regular}`, bold: fonts.bold ? `fonts/${fonts.bold}` : null }));
  }
  for (const a of read.assets) copyFileSync(a, join(tmp, 'stories', basename(a)));
  rmSync(o.outDir, { recursive: true, force: true });
  renameSync(tmp, o.outDir);
  return { stories: stories.length - newsCount, news: newsCount, pages, tags: byTag.size, categories: byCat.size, assets: read.assets.length, issues };
}

/** Groups stories by the slug of each key (first spelling seen is the label); a story is listed once per group. */
function groupBySlug(stories: readonly SiteStory[], keys: (s: SiteStory) => readonly string[]): Map<string, { label: string; list: SiteStory[] }> {
  const m = new Map<string, { label: string; list: SiteStory[] }>();
  for (const s of stories) {
    const seen = new Set<string>();
    for (const k of keys(s)) {
      const slug = slugify(k);
      if (seen.has(slug)) continue;
      seen.add(slug);
      let g = m.get(slug);
      if (!g) m.set(slug, (g = { label: k, list: [] }));
      g.list.push(s);
    }
  }
  return m;
}

function group(stories: readonly SiteStory[], keys: (s: SiteStory) => readonly string[]): Map<string, SiteStory[]> {
  const m = new Map<string, SiteStory[]>();
  for (const s of stories) for (const k of keys(s)) (m.get(k) ?? m.set(k, []).get(k)!).push(s);
  return m;
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
