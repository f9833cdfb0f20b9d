import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { formatInputIssue } from '../../core/errors.js';
import type { RawArticle } from '../../news/parse/buildArticle.js';
import { FormatError } from '../../news/parse/formatError.js';
import { parseMarkdownArticle } from '../../news/parse/parseMarkdownArticle.js';
import { parsePlainTextArticle } from '../../news/parse/parsePlainTextArticle.js';
import { parseFeedXml } from '../feeds/parseFeedXml.js';
import { extractHtmlArticle } from '../html/extractHtmlArticle.js';
import { decodeNewsBytes } from './decodeNewsBytes.js';

/** Largest news file read: 5 MiB (an RTHK item is ~4 KB; a month of a busy feed is well under 1 MiB). */
export const MAX_NEWS_FILE_BYTES = 5 * 1024 * 1024;

/** File extensions the reader knows, by format. */
export const NEWS_EXTENSIONS: Readonly<Record<string, 'markdown' | 'text' | 'feed' | 'html'>> = {
  '.md': 'markdown', '.markdown': 'markdown', '.txt': 'text', '.text': 'text',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed', '.html': 'html', '.htm': 'html', '.xhtml': 'html',
};

/** One refused input: where (file, `file#itemN`, URL) and why, as one line. */
export interface RejectedItem {
  readonly origin: string;
  readonly reason: string;
}

export interface ReadNewsResult {
  readonly raws: RawArticle[];
  readonly rejected: RejectedItem[];
  /** `markdown`, `text`, `html`, `rss 2.0`, `atom 1.0`, ... (null when the file was refused before parsing). */
  readonly format?: string | null;
  /** The charset used and why, e.g. `big5-hkscs (XML declaration)` (null when the bytes were not decoded). */
  readonly encoding?: string | null;
  /** What was recovered or repaired, one line each (no file name: the caller knows it). */
  readonly warnings?: readonly string[];
}

/**
 * Reads one news file into raw articles (a feed gives many). Format by extension (NEWS_EXTENSIONS);
 * `.xml` that is not a feed is refused. Size limit MAX_NEWS_FILE_BYTES; binary files refused.
 * Never throws for bad content: every problem becomes a RejectedItem whose reason reads
 * `file:line: field "x": reason`.
 * @throws never.
 */
export async function readNewsFile(path: string): Promise<ReadNewsResult> {
  const kind = NEWS_EXTENSIONS[extname(path).toLowerCase()];
  const reject = (reason: string, line?: number, field?: string): ReadNewsResult => ({
    raws: [],
    rejected: [{ origin: path, reason: formatInputIssue({ source: path, reason, ...(line !== undefined ? { line } : {}), ...(field !== undefined ? { field } : {}) }) }],
  });
  if (!kind) return reject(`unsupported file type "${extname(path) || '(none)'}" (known: ${Object.keys(NEWS_EXTENSIONS).join(' ')})`);
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    if (st.size > MAX_NEWS_FILE_BYTES) {
      return reject(`file too large (${st.size} bytes; limit ${MAX_NEWS_FILE_BYTES} bytes = 5 MiB)`);
    }
    bytes = await readFile(path);
  } catch (e) {
    return reject(`cannot read file: ${(e as Error).message}`);
  }
  const decoded = decodeNewsBytes(bytes);
  if (!decoded.ok) return reject(decoded.reason);
  const encoding = `${decoded.encoding} (${decoded.reason})`;
  try {
    const r = await parseText(decoded.text, kind, path);
    return { ...r, encoding, warnings: [...decoded.warnings, ...(r.warnings ?? [])] };
  } catch (e) {
    const r = e instanceof FormatError ? reject(e.reason, e.line, e.field) : reject('cannot parse: the file is not in a form the reader knows');
    return { ...r, format: kind === 'feed' ? 'xml' : kind, encoding, warnings: decoded.warnings };
  }
}

/**
 * Parses text already decoded, by kind. Shared with URL ingest.
 * @throws FormatError for content that does not parse.
 */
export async function parseText(text: string, kind: 'markdown' | 'text' | 'feed' | 'html', origin: string, pageUrl?: string): Promise<ReadNewsResult> {
  switch (kind) {
    case 'markdown':
      return { raws: [parseMarkdownArticle(text, origin)], rejected: [], format: 'markdown' };
    case 'text':
      return { raws: [parsePlainTextArticle(text, origin)], rejected: [], format: 'text' };
    case 'html':
      return { raws: [extractHtmlArticle(text, origin, pageUrl)], rejected: [], format: 'html' };
    case 'feed': {
      const feed = await parseFeedXml(text, origin, pageUrl);
      return { raws: feed.items, rejected: feed.rejected, format: feed.version, warnings: feed.warnings };
    }
  }
}
