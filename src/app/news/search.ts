import { DateTime } from 'luxon';
import { InputError } from '../../core/errors.js';
import { makeSnippet } from '../../news/parse/makeSnippet.js';
import { tokenizeForSearch } from '../../news/parse/tokenizeForSearch.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import { DEFAULT_NEWS_ZONE } from './loadArticles.js';

export interface NewsSearchOptions {
  /** `YYYY-MM-DD` (start of that day in `zone`) or an ISO time (with offset; without, wall time in `zone`). */
  readonly from?: string;
  /** `YYYY-MM-DD` (end of that day in `zone`, inclusive) or an ISO time with offset. */
  readonly to?: string;
  /** Zone of plain dates; default Asia/Hong_Kong. */
  readonly zone?: string;
  readonly limit?: number;
  readonly includeDuplicates?: boolean;
}

/** One search result as printed by `news search --json`. */
export interface NewsSearchResult {
  readonly rank: number;
  readonly id: string;
  readonly score: number;
  readonly title: string;
  readonly publishedAt: string;
  readonly source: string;
  readonly url: string | null;
  readonly origin: string;
  readonly duplicateOf: string | null;
  readonly matchedTerms: readonly string[];
  readonly snippet: string;
}

/**
 * Full-text search of stored news: the query is tokenized like the documents (tokenizeForSearch), ranked by
 * BM25 (title counts twice), filtered by publication time, duplicates hidden unless asked.
 * @throws InputError for an empty query (after stopwords), a bad --from/--to or a limit below 1; SourceError from the store.
 */
export async function searchNews(store: NewsStore, query: string, opts: NewsSearchOptions = {}): Promise<NewsSearchResult[]> {
  const terms = tokenizeForSearch(query);
  if (terms.length === 0) throw new InputError({ source: 'news search', field: 'query', value: query, reason: 'has no searchable words' });
  const limit = opts.limit ?? 20;
  if (!(Number.isInteger(limit) && limit >= 1)) {
    throw new InputError({ source: 'news search', field: 'limit', value: String(limit), reason: 'is not a whole number of results (1 or more)' });
  }
  const zone = opts.zone ?? DEFAULT_NEWS_ZONE;
  const fromMs = opts.from !== undefined ? boundMs(opts.from, zone, 'from') : undefined;
  const toMs = opts.to !== undefined ? boundMs(opts.to, zone, 'to') : undefined;
  if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) {
    throw new InputError({ source: 'news search', field: 'from', value: opts.from ?? '', reason: `is after --to ${opts.to ?? ''}` });
  }
  const hits = await store.search({
    terms, limit, includeDuplicates: opts.includeDuplicates ?? false,
    ...(fromMs !== undefined ? { fromMs } : {}), ...(toMs !== undefined ? { toMs } : {}),
  });
  const out: NewsSearchResult[] = [];
  for (const h of hits) {
    const a = await store.getArticle(h.id);
    if (!a) continue;
    out.push({
      rank: out.length + 1, id: a.id, score: h.score, title: a.title, publishedAt: a.publishedAt, source: a.source,
      url: a.url, origin: a.origin, duplicateOf: a.duplicateOf, matchedTerms: h.matchedTerms, snippet: makeSnippet(a.body, h.matchedTerms),
    });
  }
  return out;
}

/**
 * A --from/--to bound in ms: a plain date is the first (from) or last (to) millisecond of that day in `zone`.
 * @throws InputError when the text is neither a date nor an ISO time.
 */
export function boundMs(text: string, zone: string, which: 'from' | 'to', source = 'news search'): number {
  const plain = /^\d{4}-\d{2}-\d{2}$/.test(text);
  // an ISO time without offset is wall time in `zone` (setZone alone would read it in the machine's zone)
  const dt = plain ? DateTime.fromISO(text, { zone }) : DateTime.fromISO(text, { zone, setZone: true });
  if (!dt.isValid) throw new InputError({ source, field: which, value: text, reason: 'is not a date (YYYY-MM-DD) or ISO time' });
  return plain && which === 'to' ? dt.endOf('day').toMillis() : dt.toMillis();
}
