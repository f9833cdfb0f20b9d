import type { NewsPost, NewsPostSource } from '../../domain/newsPost.js';
import { SEED_PAGE_SETTINGS, type SeedFrontMatter } from '../../domain/seedLayout.js';
import { escapeMarkdown } from './escapeMarkdown.js';
import { postSummary } from './postSummary.js';
import { renderFrontMatter } from './renderFrontMatter.js';

/** Longest title slug in a post's file name, in characters (cut at a word boundary). */
export const MAX_SLUG_CHARS = 80;

/**
 * A republished news article as a Hugo post in exactly the seed's layout (one definition with the stories:
 * domain/seedLayout.ts and renderFrontMatter):
 * - `title` and `date` as prepared; `summary`: the body's first 50 words, then "..." when it has more (postSummary);
 * - `categories: [source]`, `tags: [source, ...linked securities in lower case]`, `lang` and `translations`:
 *   the post's language; the seed's page settings. An input already in the seed's layout keeps its own taxonomy
 *   and page settings (it is a published post), so the seed round-trips;
 * - the body as published: Markdown as written, or plain text made inert (escapeMarkdown, and line starts that
 *   would open a list, quote or heading escaped);
 * - a closing link back to the source, `[rthk](https://...)`, unless the body already ends with one.
 * The file name is the date and a slug of the title: `2025-02-07-hong-kong-stocks-end-higher.en.md`.
 * @example renderNewsPost(src).markdown.split('\n')[1] // 'title: "Chinese Tech Stocks — Update"'
 * @throws never.
 */
export function renderNewsPost(p: NewsPostSource): NewsPost {
  const keep = p.layout;
  const tags = [...new Set([p.sourceName, ...p.securities.map((s) => s.toLowerCase())])];
  const frontMatter: SeedFrontMatter = {
    ...(keep ?? SEED_PAGE_SETTINGS),
    title: p.title,
    date: p.date,
    summary: postSummary(p.bodyText),
    categories: keep?.categories ?? [p.sourceName],
    lang: keep?.lang ?? [p.lang],
    translations: keep?.translations ?? [p.lang],
    tags: keep?.tags ?? tags,
  };
  const body = (p.bodyMarkdown ?? textToMarkdown(p.bodyText)).trim();
  const link = p.closingLink ?? (p.url !== null ? `[${escapeMarkdown(p.sourceName)}](${linkUrl(p.url)})` : null);
  const parts = [body, link].filter((x): x is string => x !== null && x !== '');
  return {
    articleId: p.articleId,
    fileName: postFileName(p.date, p.title, p.lang, p.articleId),
    frontMatter,
    markdown: `${renderFrontMatter(frontMatter)}\n\n${parts.join('\n\n')}\n`,
  };
}

/**
 * `2025-02-07 16:10:53`, `Hong Kong stocks end higher`, `en` -> `2025-02-07-hong-kong-stocks-end-higher.en.md`.
 * The slug keeps ASCII letters and digits (accents dropped), at most MAX_SLUG_CHARS; a title with fewer than 3
 * of them (a Chinese headline) gives `article-<first 8 digits of the id>`.
 * @throws never.
 */
export function postFileName(date: string, title: string, lang: string, articleId: string): string {
  let slug = title.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_CHARS) {
    const cut = slug.slice(0, MAX_SLUG_CHARS + 1);
    slug = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, MAX_SLUG_CHARS);
  }
  if (slug.replace(/-/g, '').length < 3) slug = `article-${articleId.slice(0, 8)}`;
  return `${date.slice(0, 10)}-${slug}.${lang.replace(/[^A-Za-z-]/g, '')}.md`;
}

/**
 * Plain text as Markdown that renders as the same text: paragraphs kept, HTML and Markdown punctuation escaped
 * (escapeMarkdown), and a line start that would open a list, quote, heading or rule (`- `, `+ `, `1. `, `=`)
 * escaped with a backslash.
 * @example textToMarkdown('1. <b>\n- x') // '1\\. &lt;b&gt;\n\\- x'
 */
export function textToMarkdown(text: string): string {
  return text
    .split(/\n[ \t]*\n+/)
    .map((para) => para.trim().split('\n').map((line) => escapeMarkdown(line.trim()).replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2')).join('\n'))
    .filter((para) => para !== '')
    .join('\n\n');
}

/** A URL inside a Markdown link destination: parentheses and spaces percent-encoded so the link cannot end early. */
function linkUrl(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
