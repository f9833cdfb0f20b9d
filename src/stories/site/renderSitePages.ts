import { escapeHtml as h, slugify } from './escapeHtml.js';
import { bodySearchText, renderStoryBody } from './renderStoryBody.js';
import { isoDateTime, LANGUAGE_NAMES, SECTION_LOCALES, siteLocale, type SiteLocale } from './siteLocale.js';
import { storyPath, type SiteConfig, type SiteStory } from './siteStory.js';

/** Shared per-build data for the sidebar widgets (computed once, not per page). */
export interface SiteWidgets {
  readonly recent: readonly SiteStory[];
  /** Tag, slug and count, most used first. */
  readonly tags: readonly { readonly tag: string; readonly slug: string; readonly count: number }[];
}

const LANG_LABEL = LANGUAGE_NAMES;

/** `<time>` of a front-matter date in the page's language (English pages print it as written). */
function timeTag(L: SiteLocale, date: string): string {
  return L.lang === 'en' ? `<time>${h(date)}</time>` : `<time datetime="${h(isoDateTime(date))}">${h(L.date(date))}</time>`;
}

/**
 * The page frame: header, main, sidebar with the seed's widgets (search, recent, taglist), in the page's
 * language (siteLocale: chrome, `lang`, links into that language's section, its stylesheet).
 * Everything readable without JavaScript except search (a `<noscript>` says so).
 * @param root relative path from the page to the site root (`` or `../`).
 */
export function pageShell(cfg: SiteConfig, w: SiteWidgets, root: string, title: string, main: string, lang = 'en'): string {
  const L = siteLocale(lang);
  const sec = root + L.section;
  const recent = w.recent.map((s) => `<li><a href="${h(root + storyPath(s))}">${h(s.title)}</a></li>`).join('');
  const tags = w.tags.map((t) => `<li><a href="${h(`${sec}tags/${t.slug}.html`)}">${h(L.term(t.tag))}</a> <span class="count">${t.count}</span></li>`).join('');
  const t = L.text;
  const other = L.lang === 'en' ? '' : ` <a href="${h(root)}index.html" hreflang="en" lang="en">${h(t.otherLanguage)}</a>`;
  const searchLang = L.lang === 'en' ? '' : ` data-lang="${h(L.lang)}" data-empty="${h(t.noResults)}"`;
  return `<!doctype html>
<html lang="${h(L.htmlLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'">
<title>${h(title)} · ${h(cfg.title)}</title>
<link rel="stylesheet" href="${h(root)}style.css">${L.stylesheet ? `\n<link rel="stylesheet" href="${h(root + L.stylesheet)}">` : ''}
<link rel="alternate" type="application/rss+xml" title="${h(cfg.title)}" href="${h(sec)}rss.xml">
</head>
<body>
<header><a class="brand" href="${h(sec)}index.html">${h(cfg.title)}</a> <nav><a href="${h(sec)}tags/index.html">${h(t.tags)}</a> <a href="${h(sec)}rss.xml">${h(t.rss)}</a>${other}</nav></header>
<div class="layout">
<main>
${main}
</main>
<aside class="sidebar">
<section class="widget search"><h2>${h(t.search)}</h2>
<form id="search" action="${h(sec)}index.html" role="search"><input id="search-q" type="search" name="q" placeholder="${h(t.searchPlaceholder)}" aria-label="${h(t.searchPlaceholder)}"></form>
<noscript><p>${h(t.searchNeedsJs)}</p></noscript>
<ol id="search-results"></ol></section>
<section class="widget recent"><h2>${h(t.recent)}</h2><ul>${recent}</ul></section>
<section class="widget taglist"><h2>${h(t.tags)}</h2><ul>${tags}</ul><p><a href="${h(sec)}tags/index.html">${h(t.allTags)}</a></p></section>
</aside>
</div>
<script src="${h(root)}search.js" data-root="${h(root)}"${searchLang} defer></script>
</body>
</html>
`;
}

/**
 * A list of stories and news posts (front page, tag and category pages): title, date, language, summary; dates
 * in the list's language; a news post is marked as news with its source (its first category).
 */
export function storyList(stories: readonly SiteStory[], root: string, lang = 'en'): string {
  const L = siteLocale(lang);
  const items = stories.map(
    (s) => `<li><article class="${s.kind === 'news' ? 'news' : 'story'}"${s.lang === L.lang || L.lang === 'en' ? '' : ` lang="${h(siteLocale(s.lang).htmlLang)}"`}><h3><a href="${h(root + storyPath(s))}">${h(s.title)}</a></h3><p class="meta">${timeTag(L, s.date)} · ${h(LANG_LABEL[s.lang] ?? s.lang)}${newsMark(L, s)}</p><p>${h(s.summary)}</p></article></li>`,
  );
  return `<ul class="stories">${items.join('\n')}</ul>`;
}

function newsMark(L: SiteLocale, s: SiteStory): string {
  if (s.kind !== 'news') return '';
  const source = s.categories[0];
  return ` · <span class="kind">${h(L.text.newsLabel)}${source ? ` · ${h(L.term(source))}` : ''}</span>`;
}

/** The links of a page to the pages it cites or that cite it (story → news posts, news post → stories). */
export interface PageLinks {
  readonly citedNews: readonly SiteStory[];
  readonly citingStories: readonly SiteStory[];
}

const NO_LINKS: PageLinks = { citedNews: [], citingStories: [] };

function linkList(L: SiteLocale, heading: string, pages: readonly SiteStory[]): string {
  if (pages.length === 0) return '';
  const items = pages.map((p) => `<li${p.lang === L.lang ? '' : ` lang="${h(siteLocale(p.lang).htmlLang)}"`}><a href="${h(`../${storyPath(p)}`)}">${h(p.title)}</a> ${timeTag(L, p.date)}</li>`);
  return `\n<section class="citations"><h2>${h(heading)}</h2><ul>${items.join('')}</ul></section>`;
}

/**
 * One story or news post page with its translations, taxonomy links, citations (a story's cited news posts, a
 * news post's citing stories) and pager (previous and next of the same kind in the same language).
 */
export function storyPage(cfg: SiteConfig, w: SiteWidgets, s: SiteStory, prev: SiteStory | null, next: SiteStory | null, hasTranslation: (lang: string) => boolean, links: PageLinks = NO_LINKS): string {
  const root = '../';
  const L = siteLocale(s.lang);
  const sec = root + L.section;
  const langs = s.translations
    .filter((l) => l !== s.lang && hasTranslation(l))
    .map((l) => `<a href="${h(`${s.slug}.${l}.html`)}" hreflang="${h(l)}"${L.lang === 'en' ? '' : ` lang="${h(siteLocale(l).htmlLang)}"`}>${h(LANG_LABEL[l] ?? l)}</a>`);
  const tags = s.tags.map((t) => `<a href="${h(`${sec}tags/${slugify(t)}.html`)}">${h(L.term(t))}</a>`).join(' ');
  const cats = s.categories.map((c) => `<a href="${h(`${sec}categories/${slugify(c)}.html`)}">${h(L.term(c))}</a>`).join(' ');
  const pager = [
    prev ? `<a rel="prev" href="${h(`${prev.slug}.${prev.lang}.html`)}">← ${h(prev.title)}</a>` : '',
    next ? `<a rel="next" href="${h(`${next.slug}.${next.lang}.html`)}">${h(next.title)} →</a>` : '',
  ].join(' ');
  const main = `<article class="${s.kind === 'news' ? 'news' : 'story'}">
<h1>${h(s.title)}</h1>
<p class="meta">${timeTag(L, s.date)}${langs.length > 0 ? ` · ${langs.join(' · ')}` : ''}</p>
${renderStoryBody(s.body, '')}
<p class="taxonomy">${cats ? `${h(L.text.categoriesLabel)}${cats}` : ''} ${tags ? `${h(L.text.tagsLabel)}${tags}` : ''}</p>${linkList(L, L.text.citedNews, links.citedNews)}${linkList(L, L.text.citedBy, links.citingStories)}
<nav class="pager">${pager}</nav>
</article>`;
  return pageShell(cfg, w, root, s.title, main, s.lang);
}

/** The tag list page (taxonomy) of a language section (`root` from the page to the site root). */
export function tagIndexPage(cfg: SiteConfig, w: SiteWidgets, lang = 'en', root = '../'): string {
  const L = siteLocale(lang);
  const items = w.tags.map((t) => `<li><a href="${h(`${t.slug}.html`)}">${h(L.term(t.tag))}</a> (${t.count})</li>`).join('\n');
  return pageShell(cfg, w, root, L.text.tags, `<h1>${h(L.text.tags)}</h1><ul class="terms">${items}</ul>`, lang);
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

/**
 * The client-side search index (JSON, parsed by search.js), one entry per story and news post: path, title,
 * summary, date, language, tags, categories, kind (`n` for news), the body's words (so a news post is found by a
 * word of its body), and the tags and categories as each language section shows them (牛市 for `bull-market`), so a
 * Chinese term finds the pages it labels.
 */
export function searchIndex(stories: readonly SiteStory[]): string {
  return JSON.stringify(
    stories.map((s) => {
      const terms = [...s.tags, ...s.categories];
      const shown = [...new Set(SECTION_LOCALES.flatMap((L) => terms.map((t) => L.term(t))))].filter((t) => !terms.includes(t));
      return { u: storyPath(s), t: s.title, s: s.summary, d: s.date, l: s.lang, g: s.tags, c: s.categories, k: s.kind === 'news' ? 'n' : 's', b: bodySearchText(s.body), z: shown };
    }),
  );
}
