import { escapeHtml } from './escapeHtml.js';

const ASSET = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(svg|png)$/;
/** A paragraph that is only a link to an http(s) URL: a news post's closing link to its source (`[rthk](https://...)`). */
const SOURCE_LINK = /^\[([^\]\n]+)\]\((https?:\/\/[^()\s<>"']+)\)$/;

/**
 * Undoes the writers' Markdown escapes to get the plain text back: a backslash before ASCII punctuation (as
 * CommonMark reads it: escapeMarkdown's `\*`, textToMarkdown's line-start `1\.` and `\-`), and &amp; &lt; &gt;.
 */
export function unescapeMarkdown(s: string): string {
  return s
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Renders a story body to HTML: blank-line separated paragraphs become `<p>`, and a paragraph that is only
 * `![alt](file.svg|png)` naming a local chart becomes a `<figure>`; a paragraph that is only `[text](https://...)`
 * (a news post's closing link to its source) becomes a link (`rel="nofollow noopener noreferrer"`). Everything
 * else is text: it is unescaped from Markdown and escaped for HTML, so no markup, script or `javascript:` URL can
 * come through.
 * @param assetPrefix path from the page to the chart files (e.g. `` when they sit beside the page).
 * @example renderStoryBody('a <b>\n\n![c](x.svg)', '') // '<p>a &lt;b&gt;</p>\n<figure><img src="x.svg" alt="c" loading="lazy"></figure>'
 */
export function renderStoryBody(markdown: string, assetPrefix = ''): string {
  return markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const img = /^!\[([^\]\n]*)\]\(([^)\s]+)\)$/.exec(p);
      if (img && ASSET.test(img[2] as string)) {
        return `<figure><img src="${escapeHtml(assetPrefix + (img[2] as string))}" alt="${escapeHtml(unescapeMarkdown(img[1] as string))}" loading="lazy"></figure>`;
      }
      const link = SOURCE_LINK.exec(p);
      if (link) {
        return `<p class="source"><a href="${escapeHtml(link[2] as string)}" rel="nofollow noopener noreferrer">${escapeHtml(unescapeMarkdown(link[1] as string))}</a></p>`;
      }
      return `<p>${escapeHtml(unescapeMarkdown(p.replace(/\s*\n\s*/g, ' ')))}</p>`;
    })
    .join('\n');
}

/**
 * The words of a body for the site's search: figures and links dropped to their alt text and link text,
 * Markdown escapes undone, whitespace collapsed.
 * @example bodySearchText('Shares \\*rose\\*.\n\n[rthk](https://x.hk/1)') // 'Shares *rose*. rthk'
 */
export function bodySearchText(markdown: string): string {
  return unescapeMarkdown(markdown.replace(/!?\[([^\]\n]*)\]\([^)\s]*\)/g, '$1')).replace(/\s+/g, ' ').trim();
}
