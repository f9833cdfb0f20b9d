import { elements, textContent, type XmlNode } from './xmlNode.js';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';
/** HTML elements that make an RSS title or description "HTML" when they appear in it (not <blink>, not <AT&T>). */
const HTML_TAG = /<\/?(?:a|abbr|b|big|blockquote|br|cite|code|del|div|em|font|h[1-6]|hr|i|img|ins|kbd|li|ol|p|pre|q|s|small|span|strike|strong|sub|sup|table|td|th|tr|tt|u|ul)\b[^>]*>/i;
const ENTITY_REF = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** A text construct: plain text, or HTML to be sanitised (never both). */
export type FeedText = { readonly kind: 'text'; readonly value: string } | { readonly kind: 'html'; readonly value: string };

/**
 * Reads an Atom text construct (RFC 4287 section 3.1; Atom 0.3 `mode`), an RSS element or RSS 1.0 element:
 * - `type="text"` (or text/plain): the text as written, never parsed as markup ("History of the <blink> tag");
 * - `type="html"` (or text/html, Atom 0.3 mode="escaped"): the text is HTML;
 * - `type="xhtml"` (or application/xhtml+xml, mode="xml"), or any element children (RSS with inline markup,
 *   "Big <b>news</b> today"): the children are serialised to HTML, the wrapping xhtml <div> dropped;
 * - mode="base64": decoded;
 * - no type (RSS): HTML when it contains a known HTML tag, else text (an entity reference alone is decoded as
 *   HTML only when `sniffEntities`).
 * @throws never.
 */
export function feedText(node: XmlNode, sniffEntities = true): FeedText {
  const type = (node.attrs.type ?? '').trim().toLowerCase();
  const mode = (node.attrs.mode ?? '').trim().toLowerCase();
  const kids = elements(node);
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml' || kids.length > 0) {
    const only = kids.length === 1 && node.children.every((c) => typeof c !== 'string' || c.trim() === '') ? kids[0] : undefined;
    const inner = only && only.local === 'div' && (only.ns === XHTML_NS || type === 'xhtml') ? only : node;
    return { kind: 'html', value: serializeChildren(inner) };
  }
  let raw = textContent(node);
  // Atom 0.3 mode="base64"; Atom 1.0: a MIME type that is neither text/* nor XML means base64 (RFC 4287 4.1.3.3)
  const binaryType = /^[a-z]+\/[a-z0-9.+-]+$/.test(type) && !type.startsWith('text/') && !/[+/]xml$/.test(type);
  if (mode === 'base64' || (binaryType && mode === '')) {
    raw = decodeBase64(raw);
    if (binaryType) return /<[a-z!/]/i.test(raw) ? { kind: 'html', value: raw } : { kind: 'text', value: raw };
  }
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return { kind: 'html', value: raw };
  if (type === 'text' || type === 'text/plain') return { kind: 'text', value: raw };
  if (HTML_TAG.test(raw) || (sniffEntities && ENTITY_REF.test(raw))) return { kind: 'html', value: raw };
  return { kind: 'text', value: raw };
}

/** The children of `node` as HTML: element names without prefixes, text and attribute values escaped. */
export function serializeChildren(node: XmlNode): string {
  let s = '';
  for (const c of node.children) {
    if (typeof c === 'string') s += escapeText(c);
    else {
      const attrs = Object.entries(c.attrs)
        .filter(([k]) => k !== 'xmlns' && !k.startsWith('xmlns:'))
        .map(([k, v]) => ` ${k.replace(/^.*:/, '')}="${escapeText(v).replace(/"/g, '&quot;')}"`).join('');
      s += `<${c.local}${attrs}>${serializeChildren(c)}</${c.local}>`;
    }
  }
  return s;
}

const escapeText = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function decodeBase64(s: string): string {
  try {
    const bin = atob(s.replace(/\s+/g, ''));
    return new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
  } catch {
    return s;
  }
}
