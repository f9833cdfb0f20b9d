import type { Article } from '../../domain/article.js';
import { documentTerms } from '../../news/parse/tokenizeForSearch.js';
import { bm25Weight, roundScore } from './bm25.js';
import type { NewsSearchHit, NewsSearchQuery, NewsStore, NewsWriteResult, StoredDedupeKey } from './NewsStore.js';
import { articleContentKey } from './articleJson.js';

/** The in-memory twin of DuckDbNewsStore: same contract, for tests and one-shot jobs. */
export class MemoryNewsStore implements NewsStore {
  private readonly articles = new Map<string, Article>();
  private readonly postings = new Map<string, Map<string, number>>();
  private readonly docLen = new Map<string, number>();
  private readonly origins = new Map<string, Set<string>>();

  async putArticles(articles: readonly Article[], relinks: readonly { id: string; duplicateOf: string | null }[] = []): Promise<NewsWriteResult> {
    let written = 0, unchanged = 0, relinked = 0;
    const writtenIds: string[] = [];
    for (const a of articles) {
      const old = this.articles.get(a.id);
      if (old && articleContentKey(old) === articleContentKey(a)) {
        if (old.duplicateOf === a.duplicateOf) unchanged++;
        else {
          this.articles.set(a.id, { ...old, duplicateOf: a.duplicateOf });
          relinked++;
        }
        continue;
      }
      if (old) this.unindex(old.id);
      this.articles.set(a.id, a);
      const { terms, length } = documentTerms(a.title, a.body);
      this.docLen.set(a.id, length);
      for (const [t, tf] of terms) {
        let m = this.postings.get(t);
        if (!m) this.postings.set(t, (m = new Map()));
        m.set(a.id, tf);
      }
      written++;
      writtenIds.push(a.id);
    }
    for (const r of relinks) {
      const a = this.articles.get(r.id);
      if (a && a.duplicateOf !== r.duplicateOf) {
        this.articles.set(r.id, { ...a, duplicateOf: r.duplicateOf });
        relinked++;
      }
    }
    return { written, writtenIds, unchanged, relinked };
  }

  async addOrigins(links: readonly { id: string; origin: string }[]): Promise<void> {
    for (const l of links) {
      let s = this.origins.get(l.id);
      if (!s) this.origins.set(l.id, (s = new Set()));
      s.add(l.origin);
    }
  }

  async getOrigins(id: string): Promise<string[]> {
    return [...(this.origins.get(id) ?? [])].sort();
  }

  async getArticle(id: string): Promise<Article | null> {
    return this.articles.get(id) ?? null;
  }

  async listArticles(opts: { fromMs?: number; toMs?: number; includeDuplicates?: boolean } = {}): Promise<Article[]> {
    return [...this.articles.values()]
      .filter((a) => inRange(a, opts) && (opts.includeDuplicates || a.duplicateOf === null))
      .sort((a, b) => a.publishedMs - b.publishedMs || (a.id < b.id ? -1 : 1));
  }

  async dedupeKeys(): Promise<StoredDedupeKey[]> {
    return [...this.articles.values()].map((a) => ({
      id: a.id, url: a.url, publishedMs: a.publishedMs, minhash: a.minhash, textLength: a.body.length, duplicateOf: a.duplicateOf, origin: a.origin,
    }));
  }

  async search(q: NewsSearchQuery): Promise<NewsSearchHit[]> {
    const terms = [...new Set(q.terms)];
    const n = this.articles.size;
    let total = 0;
    for (const l of this.docLen.values()) total += l;
    const avg = n === 0 ? 0 : total / n;
    const scores = new Map<string, { score: number; matched: string[] }>();
    for (const t of terms) {
      const m = this.postings.get(t);
      if (!m) continue;
      for (const [id, tf] of m) {
        const s = scores.get(id) ?? { score: 0, matched: [] };
        s.score += bm25Weight(n, m.size, tf, this.docLen.get(id) ?? 0, avg);
        s.matched.push(t);
        scores.set(id, s);
      }
    }
    const hits: (NewsSearchHit & { ms: number })[] = [];
    for (const [id, s] of scores) {
      const a = this.articles.get(id);
      if (!a || !inRange(a, q) || (!q.includeDuplicates && a.duplicateOf !== null)) continue;
      hits.push({ id, score: roundScore(s.score), matchedTerms: s.matched, ms: a.publishedMs });
    }
    hits.sort((x, y) => y.score - x.score || y.ms - x.ms || (x.id < y.id ? -1 : 1));
    return hits.slice(0, q.limit ?? 20).map(({ id, score, matchedTerms }) => ({ id, score, matchedTerms }));
  }

  async counts(): Promise<{ articles: number; duplicates: number }> {
    let duplicates = 0;
    for (const a of this.articles.values()) if (a.duplicateOf !== null) duplicates++;
    return { articles: this.articles.size, duplicates };
  }

  async close(): Promise<void> {}

  private unindex(id: string): void {
    for (const [t, m] of this.postings) {
      m.delete(id);
      if (m.size === 0) this.postings.delete(t);
    }
    this.docLen.delete(id);
  }
}

function inRange(a: Article, o: { fromMs?: number; toMs?: number }): boolean {
  return (o.fromMs === undefined || a.publishedMs >= o.fromMs) && (o.toMs === undefined || a.publishedMs <= o.toMs);
}
