import { InputError } from '../../core/errors.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import { DEFAULT_NEWS_ZONE } from './loadArticles.js';
import { boundMs } from './search.js';

/** One stored article as `news list --json` prints it. */
export interface ListedArticle {
  readonly id: string;
  /** Where it was read from, as in the ingest report: `path/feed.xml#item2`, a file path or a URL. */
  readonly origin: string;
  readonly url: string | null;
  readonly title: string;
  /** ISO 8601 with the offset as written. */
  readonly published: string;
  readonly source: string;
  readonly lang: string;
  readonly summary: string | null;
  readonly body: string;
}

export interface ListNewsOptions {
  /** `YYYY-MM-DD` (that day in `zone`) or an ISO time. */
  readonly from?: string;
  readonly to?: string;
  /** Only articles whose source is this (case-insensitive). */
  readonly source?: string;
  readonly zone?: string;
  /** Include articles that duplicate an earlier one (default false). */
  readonly includeDuplicates?: boolean;
}

/**
 * The stored articles in publication order, filtered by time and source.
 * @throws InputError for a bad --from/--to or --from after --to; SourceError from the store.
 */
export async function listNews(store: NewsStore, opts: ListNewsOptions = {}): Promise<ListedArticle[]> {
  const zone = opts.zone ?? DEFAULT_NEWS_ZONE;
  const fromMs = opts.from !== undefined ? boundMs(opts.from, zone, 'from', 'news list') : undefined;
  const toMs = opts.to !== undefined ? boundMs(opts.to, zone, 'to', 'news list') : undefined;
  if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) {
    throw new InputError({ source: 'news list', field: 'from', value: opts.from ?? '', reason: `is after --to ${opts.to ?? ''}` });
  }
  const want = opts.source?.trim().toLowerCase();
  const articles = await store.listArticles({
    includeDuplicates: opts.includeDuplicates ?? false,
    ...(fromMs !== undefined ? { fromMs } : {}), ...(toMs !== undefined ? { toMs } : {}),
  });
  return articles
    .filter((a) => want === undefined || a.source.toLowerCase() === want)
    .map((a) => ({
      id: a.id, origin: a.origin, url: a.url, title: a.title, published: a.publishedAt, source: a.source,
      lang: a.language, summary: a.summary ?? null, body: a.body,
    }));
}
