import sanitizeHtml from 'sanitize-html';
import { decodeEntities } from '../repair/decodeEntities.js';

const BLOCK_END = /<\/(?:p|div|h[1-6]|li|blockquote|pre|tr|table|section|article|header|footer|figure|figcaption|ul|ol|dl|dd|dt)\s*>/gi;
const BREAK = /<(?:br|hr)\b[^>]*>/gi;

/**
 * Plain text of an HTML fragment: block ends become paragraph breaks, `<br>` a line break, every tag
 * removed, the content of script/style/iframe/svg/... dropped, entities decoded once. Whitespace is left
 * for normalizeText.
 * @example htmlToText('<p>A &amp; B</p><p>C<script>x</script></p>') // 'A & B\n\nC\n\n'
 * @throws never.
 */
export function htmlToText(html: string): string {
  const marked = html.replace(BLOCK_END, '$&\n\n').replace(BREAK, '$&\n');
  const stripped = sanitizeHtml(marked, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math',
      'template', 'select', 'button', 'head', 'title'],
  });
  return decodeEntities(stripped);
}
