import type { RawArticle } from '../../news/parse/buildArticle.js';
import { FormatError } from '../../news/parse/formatError.js';
import { readFeedTree } from './readFeedTree.js';
import { readXmlTree } from './readXmlTree.js';

export interface ParsedFeed {
  readonly format: 'rss' | 'atom';
  /** `rss 2.0`, `rss 1.0`, `rss` (no version attribute), `atom 1.0`, `atom 0.3`. */
  readonly version: string;
  readonly title: string | null;
  /** One per item, in document order; `origin` is `<source>#item<N>` (1-based). */
  readonly items: RawArticle[];
  /** Items that could not be read at all, each with a one-line reason. */
  readonly rejected: { readonly origin: string; readonly reason: string }[];
  /** What was recovered and where: `line 12: not well-formed XML (…): read with the forgiving parser, 5 items kept`. */
  readonly warnings: string[];
}

const FEED_ROOTS = new Set(['rss', 'RDF', 'feed', 'channel', 'CHANNEL']);

/**
 * Parses RSS 0.9x/1.0/2.0, RDF and Atom 0.3/1.0 into raw articles. Well-formed XML is read strictly (saxes); a
 * document that is not (a bare "&", an unknown entity, a download cut off before "</rss>", junk before "<?xml")
 * is read again with a forgiving parser (htmlparser2) and every item that can be read is kept, with a warning
 * naming the first error's line. No DTD or external entity is ever loaded (readXmlTree).
 * Dates are the item's own text (never converted here); bodies are sanitised HTML (bodyHtml) and their text.
 * @param documentUrl the feed's own address when fetched: the last base for relative links.
 * @throws FormatError when there is no element at all, or the document is not a feed (the root element named).
 */
export async function parseFeedXml(xml: string, origin: string, documentUrl?: string): Promise<ParsedFeed> {
  return parseFeedXmlSync(xml, origin, documentUrl);
}

/** parseFeedXml without the promise. @throws FormatError as parseFeedXml. */
export function parseFeedXmlSync(xml: string, origin: string, documentUrl?: string): ParsedFeed {
  const tree = readXmlTree(xml);
  const root = tree.roots.find((r) => FEED_ROOTS.has(r.local)) ?? tree.roots[0];
  if (!root) {
    throw new FormatError('xml', tree.recovered?.line, `no XML element found${tree.recovered ? ` (${tree.recovered.message})` : ''}`);
  }
  const feed = readFeedTree(root, origin, documentUrl);
  if (!feed) {
    const what = root.local.toLowerCase() === 'html' ? 'an HTML page' : `root element <${root.name}>`;
    throw new FormatError('xml', root.line, `not a feed: ${what} (expected <rss>, <rdf:RDF> or <feed>)`);
  }
  const warnings: string[] = [];
  if (tree.recovered) {
    warnings.push(`line ${tree.recovered.line}: not well-formed XML (${tree.recovered.message.replace(/\.$/, '')}): ` +
      `read with the forgiving parser, ${feed.items.length} item(s) kept`);
  }
  return { format: feed.format, version: feed.version, title: feed.title, items: feed.items, rejected: feed.rejected, warnings };
}
