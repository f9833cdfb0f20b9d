import { escapeHtml } from './escapeHtml.js';

const ASSET = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(svg|png)$/;

/** Undoes the writer's Markdown escapes (backslash punctuation, &amp; &lt; &gt;) to get the plain text back. */
export function unescapeMarkdown(s: string): string {
  return s
    .replace(/\\([\\`*_[\]{}#|!~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Renders a story body to HTML: blank-line separated paragraphs become `<p>`, and a paragraph that is only
 * `![alt](file.svg|png)` naming a local chart becomes a `<figure>`. Everything else is text: it is unescaped
 * from Markdown and escaped for HTML, so no markup, script or `javascript:` URL can come through.
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
      return `<p>${escapeHtml(unescapeMarkdown(p.replace(/\s*\n\s*/g, ' ')))}</p>`;
    })
    .join('\n');
}
