import { decodeEntities } from '../repair/decodeEntities.js';
import type { RawArticle } from './buildArticle.js';
import { FormatError } from './formatError.js';

const HEADER = /^([A-Za-z][A-Za-z-]{0,30}):[ \t]*(.*)$/;

/**
 * Parses a plain-text article: optional header lines `Key: value` (Title, Date, Source, URL, Language,
 * Tags), then a blank line, then the body. Without a Title header the first non-empty line is the title.
 * A date is required (Date header): the ingest never invents a publication time.
 * @example parsePlainTextArticle('Title: A\nDate: 2025-02-07T10:00:00+08:00\n\nBody', 'a.txt').title // 'A'
 * @throws FormatError when there is no title or no Date header.
 */
export function parsePlainTextArticle(text: string, origin: string): RawArticle {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const headers = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i] ?? '');
    if (!m) break;
    headers.set((m[1] ?? '').toLowerCase(), (m[2] ?? '').trim());
  }
  if (headers.size > 0 && (lines[i] ?? '').trim() !== '') {
    // "Key: value" lines not followed by a blank line are body text, not headers
    headers.clear();
    i = 0;
  }
  let rest = lines.slice(i);
  let title = headers.get('title') ?? null;
  if (title === null) {
    const first = rest.findIndex((l) => l.trim() !== '');
    if (first < 0) throw new FormatError('title', 1, 'empty file');
    title = (rest[first] ?? '').trim();
    rest = rest.slice(first + 1);
  }
  const dateText = headers.get('date') ?? headers.get('published') ?? null;
  if (dateText === null) throw new FormatError('date', 1, 'missing (plain text needs a "Date:" header line)');
  return {
    // character references are decoded here, once (normalizeText does not)
    title: decodeEntities(title),
    body: decodeEntities(rest.join('\n').replace(/^\s*\n/, '')),
    dateText,
    url: headers.get('url') ?? headers.get('link') ?? null,
    source: headers.get('source') ?? 'unknown',
    language: headers.get('language') ?? null,
    tags: (headers.get('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    format: 'text',
    origin,
  };
}
