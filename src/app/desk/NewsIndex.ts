import type { SessionDate } from '../../core/units.js';
import type { Article } from '../../domain/article.js';
import { tokenizeForSearch } from '../../news/parse/tokenizeForSearch.js';
import { MemoryNewsStore } from '../../store/news/MemoryNewsStore.js';
import type { NewsItem, NewsPage, NewsQuery } from './deskService.js';

/** Offset of the desk's news day boundaries: Hong Kong time (no daylight saving), `+08:00`. */
export const NEWS_DAY_OFFSET = '+08:00';

/**
 * The news the desk serves: unique articles (duplicates left out), newest first, filtered by HK-time
 * session dates and searched with the news store's BM25 (title weighted 2x).
 */
export class NewsIndex {
  private readonly byId: Map<string, NewsItem>;
  /** Newest first. */
  private readonly items: NewsItem[];

  private constructor(
    articles: readonly Article[],
    symbolsOf: (a: Article) => readonly string[],
    private readonly store: MemoryNewsStore,
  ) {
    this.items = articles
      .filter((a) => a.duplicateOf === null)
      .sort((a, b) => b.publishedMs - a.publishedMs || (a.id < b.id ? -1 : 1))
      .map((a) => ({ id: a.id, title: a.title, body: a.body, publishedAt: a.publishedAt, source: a.source, url: a.url, symbols: symbolsOf(a) }));
    this.byId = new Map(this.items.map((n) => [n.id, n]));
  }

  /** Builds the index (and its BM25 postings) from loaded articles. */
  static async build(articles: readonly Article[], symbolsOf: (a: Article) => readonly string[] = () => []): Promise<NewsIndex> {
    const store = new MemoryNewsStore();
    await store.putArticles(articles);
    return new NewsIndex(articles, symbolsOf, store);
  }

  get size(): number {
    return this.items.length;
  }

  /** One page of results: by relevance when `q` is given, else newest first. */
  async query(q: NewsQuery): Promise<NewsPage> {
    const fromMs = q.from === undefined ? -Infinity : dayStartMs(q.from);
    const toMs = q.to === undefined ? Infinity : dayStartMs(q.to) + 86_400_000 - 1;
    let hits: NewsItem[];
    if (q.q !== undefined && q.q.trim() !== '') {
      const terms = tokenizeForSearch(q.q);
      if (terms.length === 0) return { total: 0, items: [] };
      const found = await this.store.search({
        terms,
        limit: 100_000,
        ...(Number.isFinite(fromMs) ? { fromMs } : {}),
        ...(Number.isFinite(toMs) ? { toMs } : {}),
      });
      hits = found.map((h) => this.byId.get(h.id)).filter((n): n is NewsItem => n !== undefined);
    } else {
      hits = this.items.filter((n) => {
        const t = Date.parse(n.publishedAt);
        return t >= fromMs && t <= toMs;
      });
    }
    return { total: hits.length, items: hits.slice(q.offset, q.offset + q.limit) };
  }
}

function dayStartMs(d: SessionDate): number {
  return Date.parse(`${d}T00:00:00${NEWS_DAY_OFFSET}`);
}
