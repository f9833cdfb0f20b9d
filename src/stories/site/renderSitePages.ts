import { escapeHtml as h, slugify } from './escapeHtml.js';
import { renderStoryBody } from './renderStoryBody.js';
import { storyPath, type SiteConfig, type SiteStory } from './siteStory.js';

/** Shared per-build data for the sidebar widgets (computed once, not per page). */
export interface SiteWidgets {
  readonly recent: readonly SiteStory[];
  /** Tag, slug and count, most used first. */
  readonly tags: readonly { readonly tag: string; readonly slug: string; readonly count: number }[];
}

const LANG_LABEL: Record<string, string> = { en: 'English', 'zh-Hant': '繁體中文' };

/**
 * The page frame: header, main, sidebar with the seed's widgets (search, recent, taglist).
 * Everything readable without JavaScript except search (a `<noscript>` says so).
 * @param root relative path from the page to the site root (`` or `../`).
 */
export function pageShell(cfg: SiteConfig, w: SiteWidgets, root: string, title: string, main: string, lang = 'en'): string {
  const recent = w.recent.map((s) => `<li><a href="${h(root + storyPath(s))}">${h(s.title)}</a></li>`).join('');
  const tags = w.tags.map((t) => `<li><a href="${h(`${root}tags/${t.slug}.html`)}">${h(t.tag)}</a> <span class="count">${t.count}</span></li>`).join('');
  return `<!doctype html>
<html lang="${h(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'">
<title>${h(title)} · ${h(cfg.title)}</title>
<link rel="stylesheet" href="${h(root)}style.css">
<link rel="alternate" type="application/rss+xml" title="${h(cfg.title)}" href="${h(root)}rss.xml">
</head>
<body>
<header><a class="brand" href="${h(root)}index.html">${h(cfg.title)}</a> <nav><a href="${h(root)}tags/index.html">Tags</a> <a href="${h(root)}rss.xml">RSS</a></nav></header>
<div class="layout">
<main>
${main}
</main>
<aside class="sidebar">
<section class="widget search"><h2>Search</h2>
<form id="search" action="${h(root)}index.html" role="search"><input id="search-q" type="search" name="q" placeholder="Search stories" aria-label="Search stories"></form>
<noscript><p>Search needs JavaScript; every story is listed on the front page and the tag pages.</p></noscript>
<ol id="search-results"></ol></section>
<section class="widget recent"><h2>Recent</h2><ul>${recent}</ul></section>
<section class="widget taglist"><h2>Tags</h2><ul>${tags}</ul><p><a href="${h(root)}tags/index.html">All tags</a></p></section>
</aside>
</div>
<script src="${h(root)}search.js" data-root="${h(root)}" defer></script>
</body>
</html>
`;
}

/** A story list (front page, tag and category pages): title, date, language, summary. */
export function storyList(stories: readonly SiteStory[], root: string): string {
  const items = stories.map(
    (s) => `<li><article><h3><a href="${h(root + storyPath(s))}">${h(s.title)}</a></h3><p class="meta"><time>${h(s.date)}</time> · ${h(LANG_LABEL[s.lang] ?? s.lang)}</p><p>${h(s.summary)}</p></article></li>`,
  );
  return `<ul class="stories">${items.join('\n')}</ul>`;
}

/** One story page with its translations, taxonomy links and pager (previous and next in the same language). */
export function storyPage(cfg: SiteConfig, w: SiteWidgets, s: SiteStory, prev: SiteStory | null, next: SiteStory | null, hasTranslation: (lang: string) => boolean): string {
  const root = '../';
  const langs = s.translations
    .filter((l) => l !== s.lang && hasTranslation(l))
    .map((l) => `<a href="${h(`${s.slug}.${l}.html`)}" hreflang="${h(l)}">${h(LANG_LABEL[l] ?? l)}</a>`);
  const tags = s.tags.map((t) => `<a href="${h(`${root}tags/${slugify(t)}.html`)}">${h(t)}</a>`).join(' ');
  const cats = s.categories.map((c) => `<a href="${h(`${root}categories/${slugify(c)}.html`)}">${h(c)}</a>`).join(' ');
  const pager = [
    prev ? `<a rel="prev" href="${h(`${prev.slug}.${prev.lang}.html`)}">← ${h(prev.title)}</a>` : '',
    next ? `<a rel="next" href="${h(`${next.slug}.${next.lang}.html`)}">${h(next.title)} →</a>` : '',
  ].join(' ');
  const main = `<article class="story">
<h1>${h(s.title)}</h1>
<p class="meta"><time>${h(s.date)}</time>${langs.length > 0 ? ` · ${langs.join(' · ')}` : ''}</p>
${renderStoryBody(s.body, '')}
<p class="taxonomy">${cats ? `Categories: ${cats}` : ''} ${tags ? `Tags: ${tags}` : ''}</p>
<nav class="pager">${pager}</nav>
</article>`;
  return pageShell(cfg, w, root, s.title, main, s.lang);
}

/** The tag list page (taxonomy). */
export function tagIndexPage(cfg: SiteConfig, w: SiteWidgets): string {
  const items = w.tags.map((t) => `<li><a href="${h(`${t.slug}.html`)}">${h(t.tag)}</a> (${t.count})</li>`).join('\n');
  return pageShell(cfg, w, '../', 'Tags', `<h1>Tags</h1><ul class="terms">${items}</ul>`);
}

/**
 * RSS 2.0 of the newest stories (all text XML-escaped; links absolute from `cfg.baseUrl`).
 * @param builtAt RFC 822 date of the newest story (no clock is read).
 */
export function rssFeed(cfg: SiteConfig, stories: readonly SiteStory[], builtAt: string): string {
  const base = cfg.baseUrl.endsWith('/') ? cfg.baseUrl : `${cfg.baseUrl}/`;
  const items = stories.map(
    (s) => `<item><title>${h(s.title)}</title><link>${h(base + storyPath(s))}</link><guid isPermaLink="false">${h(`${s.slug}.${s.lang}`)}</guid><pubDate>${h(rfc822(s.date))}</pubDate><description>${h(s.summary)}</description>${s.tags.map((t) => `<category>${h(t)}</category>`).join('')}</item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${h(cfg.title)}</title><link>${h(base)}</link><description>${h(cfg.title)}: fact-checked market stories</description><lastBuildDate>${h(builtAt)}</lastBuildDate>
${items.join('\n')}
</channel></rss>
`;
}

/** `2025-02-07 16:10:00` (Hong Kong time) -> `Fri, 07 Feb 2025 16:10:00 +0800`. */
export function rfc822(local: string, offset = '+0800'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(local);
  if (!m) return local;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${day}, ${m[3]} ${mon} ${m[1]} ${m[4]}:${m[5]}:${m[6]} ${offset}`;
}

/** The client-side search index: the front matter of every story (JSON, parsed by search.js). */
export function searchIndex(stories: readonly SiteStory[]): string {
  return JSON.stringify(stories.map((s) => ({ u: storyPath(s), t: s.title, s: s.summary, d: s.date, l: s.lang, g: s.tags, c: s.categories })));
}
