import type { Article } from '../../domain/article.js';

/** BM25 parameters shared by every implementation (Robertson & Zaragoza 2009; Lucene defaults). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** What one atomic write did. */
export interface NewsWriteResult {
  /** Articles inserted or replaced (content changed). */
  readonly written: number;
  /** Their ids (so a caller can say which file each came from). */
  readonly writtenIds?: readonly string[];
  /** Articles identical to what was stored. */
  readonly unchanged: number;
  /** Stored articles whose `duplicateOf` changed (an earlier copy arrived), by `relinks` or by a re-put whose only change is `duplicateOf`. */
  readonly relinked: number;
}

export interface NewsSearchQuery {
  /** Tokens from tokenizeForSearch (already normalised); an article matches when it has any. */
  readonly terms: readonly string[];
  /** Inclusive bounds on publishedMs. */
  readonly fromMs?: number;
  readonly toMs?: number;
  /** Include articles that duplicate another (default false). */
  readonly includeDuplicates?: boolean;
  /** Most hits returned (default 20). */
  readonly limit?: number;
}

export interface NewsSearchHit {
  readonly id: string;
  /** BM25 score (higher is better); ties broken by newer first, then id. */
  readonly score: number;
  /** Query terms the article contains, in query order. */
  readonly matchedTerms: readonly string[];
}

/** The dedupe view of a stored article. */
export interface StoredDedupeKey {
  readonly id: string;
  readonly url: string | null;
  readonly publishedMs: number;
  readonly minhash: string | undefined;
  readonly textLength: number;
  readonly duplicateOf: string | null;
  /** Where the stored copy was read from. */
  readonly origin: string;
}

/**
 * The news store port: a DuckDB file and an in-memory twin implement it and pass the same contract tests
 * (test/news/ingest/newsStoreContract.ts). Articles are keyed by `id`; each call is atomic.
 */
export interface NewsStore {
  /**
   * Upserts `articles` and applies `relinks` (set `duplicateOf` of stored articles), all in one transaction:
   * everything is stored or nothing. The full-text index is kept in step.
   * @throws SourceError when the database fails (nothing of this call was stored).
   */
  putArticles(articles: readonly Article[], relinks?: readonly { id: string; duplicateOf: string | null }[]): Promise<NewsWriteResult>;
  /** Records that `origin` also carried article `id` (a copy with the same canonical URL). Idempotent. */
  addOrigins(links: readonly { id: string; origin: string }[]): Promise<void>;
  /** Every origin an article was read from, sorted. */
  getOrigins(id: string): Promise<string[]>;
  getArticle(id: string): Promise<Article | null>;
  /** Articles with `fromMs <= publishedMs <= toMs`, in publication order (duplicates excluded unless asked). */
  listArticles(opts?: { fromMs?: number; toMs?: number; includeDuplicates?: boolean }): Promise<Article[]>;
  /** What dedupe needs of every stored article. */
  dedupeKeys(): Promise<StoredDedupeKey[]>;
  /** BM25 full-text search over title (weight 2) and body. */
  search(query: NewsSearchQuery): Promise<NewsSearchHit[]>;
  /** Number of stored articles and of those that duplicate another. */
  counts(): Promise<{ articles: number; duplicates: number }>;
  close(): Promise<void>;
}
