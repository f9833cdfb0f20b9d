import sanitizeHtml from 'sanitize-html';
import { decodeEntities } from '../repair/decodeEntities.js';

const BLOCK_END = /<\/(?:p|div|h[1-6]|li|blockquote|pre|tr|table|section|article|header|footer|figure|figcaption|ul|ol|dl|dd|dt)\s*>/gi;
const BREAK = /<(?:br|hr)\b[^>]*>/gi;

/**
 * Plain text of an HTML fragment: block ends become paragraph breaks, `<br>` a line break, every tag
 * removed, the content of script/style/iframe/svg/... dropped ({@link NON_TEXT_TAGS}, or `dropContentOf`), entities
 * decoded once. Whitespace is left for normalizeText.
 * @example htmlToText('<p>A &amp; B</p><p>C<script>x</script></p>') // 'A & B\n\nC\n\n'
 * @throws never.
 */
export function htmlToText(html: string, opts: { readonly dropContentOf?: readonly string[] } = {}): string {
  const marked = html.replace(BLOCK_END, '$&\n\n').replace(BREAK, '$&\n');
  const stripped = sanitizeHtml(marked, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: [...(opts.dropContentOf ?? NON_TEXT_TAGS)],
  });
  return decodeEntities(stripped);
}

/** Elements whose content is not the page's text (code, form controls, fallbacks, embedded documents). */
export const NON_TEXT_TAGS: readonly string[] = ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed',
  'svg', 'math', 'template', 'select', 'button', 'head', 'title'];
/** Elements whose content is never text, even for a line that has no other text: code. */
export const CODE_TAGS: readonly string[] = ['script', 'style'];
