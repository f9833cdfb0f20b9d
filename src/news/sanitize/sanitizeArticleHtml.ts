import sanitizeHtml from 'sanitize-html';

/**
 * The one HTML policy for stored article HTML (sanitize-html 2.17.5; never DOMPurify on linkedom, which
 * returns its input unchanged). Kept: text structure (p, headings, lists, quotes, tables, emphasis, code),
 * links with http/https/mailto or relative targets (absolute ones given rel="noopener noreferrer nofollow"), images with http(s) src.
 * Dropped with their content: script, style, iframe, object, embed, svg, math, template, noscript, form
 * controls. Dropped: every attribute not listed (so all on* handlers and style), javascript:/data:/vbscript:
 * URLs, HTML comments.
 * @example sanitizeArticleHtml('<p onclick="x()">Hi<script>alert(1)</script></p>') // '<p>Hi</p>'
 * @throws never.
 */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code',
    'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'q', 'cite', 'abbr', 'time',
    'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
    'div', 'span', 'section', 'article', 'header', 'footer', 'dl', 'dt', 'dd',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    time: ['datetime'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    abbr: ['title'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math',
    'template', 'select', 'button', 'frameset', 'frame', 'applet', 'head', 'title'],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, ...(/^(?:https?:|mailto:)/i.test(attribs.href ?? '') ? { rel: 'noopener noreferrer nofollow' } : {}) },
    }),
  },
  // images only from absolute http(s) URLs (a relative src has no base once stored)
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^https?:\/\//i.test(frame.attribs.src ?? ''),
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
};
// `rel` is added by transformTags after filtering, so it must be allowed on output too.
(OPTIONS.allowedAttributes as Record<string, string[]>).a?.push('rel');
