/**
 * Baseline for bench/newsFeeds.bench.ts: the feed reader as it was before issue 17 (rss-parser 3.13.0, strict
 * xml2js, one parser per feed) and its decoder (UTF-8, else the whole file as Windows-1252). Kept only to be timed.
 */
import Parser from 'rss-parser';
import type { RawArticle } from '../../src/news/parse/buildArticle.js';
import { FormatError } from '../../src/news/parse/formatError.js';
import { decodeCp1252 } from '../../src/news/repair/cp1252.js';
import { sanitizeArticleHtml } from '../../src/news/sanitize/sanitizeArticleHtml.js';
import { htmlToText } from '../../src/news/sanitize/htmlToText.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** The old decode: UTF-8, else Windows-1252 for the whole file. */
export function baselineDecode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return decodeCp1252(bytes);
  }
}

type Extra = {
  published?: string;
  updated?: string;
  'iw-published'?: string;
  'iw-updated'?: string;
  'dc:date'?: string;
  'content:encoded'?: string;
  description?: string;
  id?: string;
};

/** A fresh parser per feed: an xml2js parser that hit an error can mis-parse the next document. */
const newParser = () => new Parser<Record<string, unknown>, Extra>({
  // rss-parser's xml2js default is lenient (sax non-strict): a broken tag becomes text. Strict XML is refused instead.
  xml2js: { strict: true },
  customFields: { item: ['published', 'updated', 'iw-published', 'iw-updated', 'dc:date', 'content:encoded', 'description', 'id'] },
});

export interface BaselineParsedFeed {
  readonly format: 'rss' | 'atom';
  readonly title: string | null;
  /** One per item, in document order; `origin` is `<source>#item<N>` (1-based). */
  readonly items: RawArticle[];
}

/**
 * Parses RSS 2.0 / RSS 1.0 / Atom XML (rss-parser 3.13.0) into raw articles.
 * Dates: the item's own text (`pubDate`, Atom `published`, then `updated` (renamed before parsing, see below),
 * then `dc:date`), never
 * rss-parser's `isoDate`, which drops the offset. Body: `content:encoded`, then Atom `content`, then
 * `summary` (Atom: rss-parser leaves contentSnippet undefined when only `<summary>` exists), then
 * `description`; its HTML is sanitised (stored as bodyHtml) and turned to text.
 * @throws FormatError for XML that does not parse or is not a feed (with the line when the parser gives one).
 */
export async function baselineParseFeedXml(xml: string, origin: string): Promise<BaselineParsedFeed> {
  const format: 'rss' | 'atom' = /<feed[\s>]/.test(xml.slice(0, 2000)) ? 'atom' : 'rss';
  // rss-parser converts Atom <published>/<updated> with `new Date(x).toISOString()`, which throws for one bad
  // date and loses the whole feed; renamed, they reach us as text and a bad one rejects only its entry.
  const input = format === 'atom' ? xml.replace(/<(\/?)(published|updated)([\s>/])/g, '<$1iw-$2$3') : xml;
  let feed: Awaited<ReturnType<ReturnType<typeof newParser>['parseString']>>;
  try {
    feed = await newParser().parseString(input);
  } catch (e) {
    const msg = (e as Error).message;
    const line = /Line:\s*(\d+)/.exec(msg);
    throw new FormatError('xml', line ? Number(line[1]) + 1 : undefined, `invalid feed XML: ${msg.split('\n')[0]}`);
  }
  const source = feed.title?.trim() || (feed.link ? safeHost(feed.link) : null) || 'unknown';
  const items = feed.items.map((it, i): RawArticle => {
    const html = it['content:encoded'] ?? it.content ?? it.summary ?? it.description ?? '';
    const isHtml = /<[a-zA-Z!/]/.test(html);
    const bodyHtml = isHtml ? sanitizeArticleHtml(html) : null;
    const dateText = format === 'atom'
      ? (it['iw-published'] ?? it['iw-updated'] ?? it['dc:date'] ?? null)
      : (it.pubDate ?? it['dc:date'] ?? it.published ?? null);
    return {
      // titles may be HTML (Atom type="html", RSS in practice): the text, never markup, is the title
      title: /<[a-zA-Z!/]/.test(it.title ?? '') ? htmlToText(it.title ?? '') : (it.title ?? ''),
      body: bodyHtml !== null ? htmlToText(bodyHtml) : html,
      dateText: typeof dateText === 'string' ? dateText : null,
      url: it.link ?? (isHttp(it.guid) ? it.guid : null),
      source,
      language: null,
      categories: (it.categories ?? []).map(categoryText).filter((c): c is string => c !== null),
      tags: [],
      summary: it.summary && it.summary !== html ? htmlToText(it.summary) : null,
      bodyHtml,
      format,
      origin: `${origin}#item${i + 1}`,
    };
  });
  return { format, title: feed.title ?? null, items };
}

/** A category as rss-parser gives it: text, or `{ _: text, $: attributes }` when it has a domain attribute. */
function categoryText(c: unknown): string | null {
  if (typeof c === 'string') return c;
  const text = (c as { _?: unknown } | null)?._;
  return typeof text === 'string' ? text : null;
}

function isHttp(s: string | undefined): s is string {
  return s !== undefined && /^https?:\/\//i.test(s);
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
