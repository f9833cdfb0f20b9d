import type { RawArticle } from '../../news/parse/buildArticle.js';
import { CODE_TAGS, htmlToText } from '../../news/sanitize/htmlToText.js';
import { sanitizeArticleHtml } from '../../news/sanitize/sanitizeArticleHtml.js';
import { feedText, type FeedText } from './feedText.js';
import { CONVENTIONAL_NS, elements, textContent, type XmlNode } from './xmlNode.js';

const ATOM10 = 'http://www.w3.org/2005/Atom';
const ATOM03 = 'http://purl.org/atom/ns#';
const DC = CONVENTIONAL_NS.dc!;
const DCTERMS = CONVENTIONAL_NS.dcterms!;
const CONTENT = CONVENTIONAL_NS.content!;
const RDF = CONVENTIONAL_NS.rdf!;
const MEDIA = 'http://search.yahoo.com/mrss/';
/** Namespaces of RSS's own elements: none, RSS 1.0, RSS 0.9, and the old Userland RSS 2.0 namespace. */
const isRssCore = (ns: string): boolean =>
  ns === '' || ns === CONVENTIONAL_NS.rss || ns === 'http://my.netscape.com/rdf/simple/0.9/' || ns.startsWith('http://backend.userland.com/rss');
const isAtom = (ns: string): boolean => ns === ATOM10 || ns === ATOM03;
/** Markup that must never reach a stored plain-text field, even from a title declared as text. */
const ACTIVE_MARKUP = /<\s*\/?\s*(?:script|style|iframe|object|embed|svg|math|img|link|meta|form|input|base)\b|\bon[a-z]+\s*=/i;

export interface FeedRead {
  readonly format: 'rss' | 'atom';
  /** `rss 2.0`, `rss 1.0`, `rss 0.91`, `rss` (no version), `atom 1.0`, `atom 0.3`. */
  readonly version: string;
  readonly title: string | null;
  readonly items: RawArticle[];
  /** Items that could not be read at all (one line each, never a JavaScript error text). */
  readonly rejected: { readonly origin: string; readonly reason: string }[];
}

type Pick = (n: XmlNode) => boolean;
const named = (local: string, nsTest: (ns: string) => boolean): Pick => (n) => n.local === local && nsTest(n.ns);
const first = (node: XmlNode, ...picks: Pick[]): XmlNode | undefined => {
  for (const p of picks) {
    const hit = elements(node).find(p);
    if (hit) return hit;
  }
  return undefined;
};
const all = (node: XmlNode, p: Pick): XmlNode[] => elements(node).filter(p);
/** RSS's own element, any letter case (Microsoft CDF writes <CHANNEL>, <ITEM>, <TITLE>). */
const rss = (local: string): Pick => {
  const lower = local.toLowerCase();
  return (n) => (n.local === local || n.local.toLowerCase() === lower) && isRssCore(n.ns);
};
const atom = (local: string): Pick => named(local, isAtom);
const inNs = (local: string, uri: string): Pick => named(local, (ns) => ns === uri);

/** Resolves `href` against `base`; null when it cannot be made absolute. */
export function resolveUrl(href: string | undefined, base: string | null): string | null {
  const h = (href ?? '').trim();
  if (h === '') return null;
  try {
    return new URL(h, base ?? undefined).toString();
  } catch {
    return null;
  }
}

const baseOf = (node: XmlNode, parent: string | null): string | null => resolveUrl(node.attrs['xml:base'], parent) ?? parent;

/** A text construct as plain text: HTML turned to its text; a text one kept as written unless it carries active markup. */
export function plainText(t: FeedText): string {
  if (t.kind === 'html' || ACTIVE_MARKUP.test(t.value)) return htmlToText(t.value);
  return t.value;
}

/**
 * A title as plain text: {@link plainText}; when that leaves nothing although the markup holds text (a title wholly
 * inside an element whose content a body drops: `<button>`, `<noscript>`, `<title>`, `<svg><text>`...), the text of
 * every element but script and style. A title with text outside such elements is left as plainText reads it.
 * @example titleText({ kind: 'html', value: '<b><button>Kingdee jumps</button></b>' }) // 'Kingdee jumps'
 */
export function titleText(t: FeedText): string {
  const text = plainText(t);
  if (text.trim() !== '') return text;
  return htmlToText(t.value, { dropContentOf: CODE_TAGS });
}

/**
 * Maps a feed document to raw articles: RSS 0.9x/1.0/2.0 (with or without `version`, prefixed or not, RDF), and
 * Atom 0.3 and 1.0 (text, html and xhtml constructs, RFC 4287). Relative links resolve against `xml:base`, then
 * the feed's own link, then `documentUrl`. One item that cannot be read is rejected alone.
 * Returns null when the root element is not a feed.
 * @throws never.
 */
export function readFeedTree(root: XmlNode, origin: string, documentUrl?: string): FeedRead | null {
  const docBase = baseOf(root, documentUrl ?? null);
  if (root.local === 'feed') return readAtom(root, origin, docBase);
  if (root.local === 'rss' || root.local === 'RDF' || root.local.toLowerCase() === 'channel') return readRss(root, origin, docBase);
  return null;
}

function readRss(root: XmlNode, origin: string, docBase: string | null): FeedRead {
  const channel = root.local.toLowerCase() === 'channel' ? root : first(root, rss('channel'), (n) => n.local === 'channel');
  const version = root.local === 'RDF'
    ? (root.ns === RDF && elements(root).some((n) => n.ns === CONVENTIONAL_NS.rss) ? 'rss 1.0' : 'rss 0.9')
    : root.attrs.version ? `rss ${root.attrs.version.trim()}` : 'rss';
  const titleNode = channel ? first(channel, rss('title'), inNs('title', DC)) : undefined;
  const title = titleNode ? titleText(feedText(titleNode)).trim() || null : null;
  const linkNode = channel ? first(channel, rss('link')) : undefined;
  const channelBase = channel ? baseOf(channel, docBase) : docBase;
  const feedLink = linkNode ? resolveUrl(textContent(linkNode), channelBase) : null;
  const base = channelBase ?? feedLink;
  const lang = channel ? langOf(channel, root) : null;
  const itemNodes = [...(channel ? all(channel, rss('item')) : []), ...(root !== channel ? all(root, rss('item')) : [])];
  const rejected: FeedRead['rejected'] = [];
  const items: RawArticle[] = [];
  itemNodes.forEach((node, i) => {
    const o = `${origin}#item${i + 1}`;
    try {
      items.push(rssItem(node, o, baseOf(node, base), title, feedLink, lang));
    } catch {
      rejected.push({ origin: o, reason: `${o}:${node.line}: field "item": could not be read (unexpected structure), skipped` });
    }
  });
  return { format: 'rss', version, title, items, rejected };
}

function rssItem(node: XmlNode, origin: string, base: string | null, feedTitle: string | null, feedLink: string | null, lang: string | null): RawArticle {
  const titleNode = first(node, rss('title'), inNs('title', DC), atom('title'), inNs('title', MEDIA));
  const linkNode = first(node, rss('link'));
  const guid = first(node, rss('guid'));
  const atomLink = alternateLink(node);
  const url = (linkNode ? resolveUrl(textContent(linkNode), base) : null)
    ?? (atomLink ? resolveUrl(atomLink.attrs.href, base) : null)
    ?? (guid && guid.attrs.isPermaLink?.trim() !== 'false' ? httpOnly(resolveUrl(textContent(guid), base)) : null)
    ?? httpOnly(resolveUrl(node.attrs['rdf:about'] ?? node.attrs.HREF ?? node.attrs.href, base));
  const dateText = node.attrs.LASTMOD?.trim() || dateOf(node, [rss('pubDate'), inNs('date', DC), inNs('issued', DCTERMS), inNs('created', DCTERMS),
    atom('published'), rss('date')], [inNs('modified', DCTERMS), atom('updated')]);
  const encoded = first(node, inNs('encoded', CONTENT));
  const description = first(node, rss('description'), inNs('description', DC), atom('summary'), rss('abstract'));
  const atomContent = first(node, atom('content'));
  const bodyNode = encoded ?? atomContent ?? description;
  const body = bodyOf(bodyNode ? (encoded ? { kind: 'html' as const, value: textContent(encoded) } : feedText(bodyNode)) : null);
  const summary = description && bodyNode !== description ? plainText(feedText(description)) : null;
  return {
    title: titleNode ? titleText(feedText(titleNode)) : '',
    ...body,
    dateText,
    url,
    source: feedTitle ?? (feedLink ? hostOf(feedLink) : null) ?? 'unknown',
    language: langOf(node) ?? lang,
    categories: [...all(node, rss('category')), ...all(node, inNs('subject', DC))].map((c) => textContent(c).trim()).filter(Boolean),
    tags: [],
    summary,
    format: 'rss',
    origin,
  };
}

function readAtom(root: XmlNode, origin: string, docBase: string | null): FeedRead {
  const version = root.ns === ATOM03 || root.attrs.version?.trim() === '0.3' ? 'atom 0.3' : 'atom 1.0';
  const titleNode = first(root, atom('title'), (n) => n.local === 'title');
  const title = titleNode ? titleText(feedText(titleNode, false)).trim() || null : null;
  const linkNode = alternateLink(root);
  const feedLink = linkNode ? resolveUrl(linkNode.attrs.href, docBase) : null;
  const base = docBase ?? feedLink;
  const lang = langOf(root);
  const rejected: FeedRead['rejected'] = [];
  const items: RawArticle[] = [];
  all(root, (n) => n.local === 'entry' || n.local === 'item').forEach((node, i) => {
    const o = `${origin}#item${i + 1}`;
    try {
      const b = baseOf(node, base);
      const t = first(node, atom('title'), (n) => n.local === 'title');
      const link = alternateLink(node);
      const id = first(node, atom('id'));
      const content = first(node, atom('content'));
      const summaryNode = first(node, atom('summary'));
      const bodyNode = content ?? summaryNode;
      items.push({
        title: t ? titleText(feedText(t, false)) : '',
        ...bodyOf(bodyNode ? feedText(bodyNode, false) : null),
        dateText: dateOf(node, [atom('published'), atom('issued'), atom('created'), inNs('issued', DCTERMS), inNs('created', DCTERMS),
          inNs('date', DC)], [atom('updated'), atom('modified'), inNs('modified', DCTERMS)]),
        url: (link ? resolveUrl(link.attrs.href, baseOf(link, b)) : null) ?? (id ? httpOnly(resolveUrl(textContent(id), b)) : null),
        source: title ?? (feedLink ? hostOf(feedLink) : null) ?? 'unknown',
        language: langOf(node) ?? lang,
        categories: all(node, atom('category')).map((c) => (c.attrs.label ?? c.attrs.term ?? textContent(c)).trim()).filter(Boolean),
        tags: [],
        summary: content && summaryNode ? plainText(feedText(summaryNode, false)) : null,
        format: 'atom',
        origin: o,
      });
    } catch {
      rejected.push({ origin: o, reason: `${o}:${node.line}: field "entry": could not be read (unexpected structure), skipped` });
    }
  });
  return { format: 'atom', version, title, items, rejected };
}

/** Atom `<link>` with rel="alternate" (or no rel), text/html preferred; also `atom:link` inside RSS. */
function alternateLink(node: XmlNode): XmlNode | undefined {
  const links = all(node, (n) => n.local === 'link' && (isAtom(n.ns) || (n.ns === '' && n.attrs.href !== undefined)) && n.attrs.href !== undefined)
    .filter((l) => (l.attrs.rel ?? 'alternate').trim() === 'alternate');
  return links.find((l) => /html/i.test(l.attrs.type ?? 'text/html')) ?? links[0];
}

/** The first date of `firsts` present; else the last element of the last-wins kinds (several <updated>: the last). */
function dateOf(node: XmlNode, firsts: Pick[], lastWins: Pick[]): string | null {
  for (const p of firsts) {
    const hit = elements(node).find(p);
    const t = hit ? textContent(hit).trim() : '';
    if (t !== '') return t;
  }
  for (const p of lastWins) {
    const hits = all(node, p).map((h) => textContent(h).trim()).filter(Boolean);
    if (hits.length > 0) return hits.at(-1) ?? null;
  }
  return null;
}

function bodyOf(t: FeedText | null): { body: string; bodyHtml: string | null } {
  if (t === null) return { body: '', bodyHtml: null };
  if (t.kind === 'text' && !ACTIVE_MARKUP.test(t.value)) return { body: t.value, bodyHtml: null };
  const bodyHtml = sanitizeArticleHtml(t.value);
  return { body: htmlToText(bodyHtml), bodyHtml: bodyHtml === '' ? null : bodyHtml };
}

function langOf(...nodes: XmlNode[]): string | null {
  for (const n of nodes) {
    const v = n.attrs['xml:lang'] ?? (first(n, rss('language'), inNs('language', DC)) ? textContent(first(n, rss('language'), inNs('language', DC))!) : undefined);
    if (v && v.trim() !== '') return v.trim();
  }
  return null;
}

const httpOnly = (u: string | null): string | null => (u !== null && /^https?:\/\//i.test(u) ? u : null);

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
