import type { Article } from '../../domain/article.js';
import { documentTerms } from '../../news/parse/tokenizeForSearch.js';
import { articleContentKey, articleFromJson } from '../news/articleJson.js';
import { planArticleWrite, type StoredArticleKey } from '../news/planArticleWrite.js';
import { roundScore } from '../news/bm25.js';
import { BM25_B, BM25_K1, type NewsSearchHit, type NewsSearchQuery, type NewsStore, type NewsWriteResult, type StoredDedupeKey } from '../news/NewsStore.js';
import { countChange } from './changes.js';
import { PgDatabase } from './PgDatabase.js';

/** Advisory lock held by each news write: writers in several processes apply their batches one after another. */
const NEWS_LOCK = 0x1d3a_7e03;

/**
 * The {@link NewsStore} on PostgreSQL: the DuckDB news store's tables (`news_articles`, `news_postings`,
 * `news_origins`) and its BM25 in SQL, so both rank the same (scores compared at 1e-9). Each `putArticles` is one
 * transaction under an advisory lock (two ingests at once: one after the other, the second finds the first's
 * articles unchanged) and NOTIFYs readers on commit (`news` topic), which is how a running server sees an
 * article ingested by another process.
 */
export class PgNewsStore implements NewsStore {
  private constructor(private readonly db: PgDatabase, private readonly owned: boolean) {}

  /** Connects to `url`, or wraps an open {@link PgDatabase} (then close() leaves it open). */
  static async open(urlOrDb: string | PgDatabase, opts: { applicationName?: string } = {}): Promise<PgNewsStore> {
    if (typeof urlOrDb !== 'string') return new PgNewsStore(urlOrDb, false);
    return new PgNewsStore(await PgDatabase.open(urlOrDb, opts), true);
  }

  async putArticles(articles: readonly Article[], relinks: readonly { id: string; duplicateOf: string | null }[] = []): Promise<NewsWriteResult> {
    return this.db.transaction(async () => {
      await this.db.query('SELECT pg_advisory_xact_lock($1)', [NEWS_LOCK]);
      const existing = new Map<string, StoredArticleKey>();
      if (articles.length > 0) {
        const rows = await this.db.rows('SELECT id, article_json, duplicate_of FROM news_articles WHERE id = ANY($1::text[])', [articles.map((a) => a.id)]);
        for (const r of rows) existing.set(r[0] as string, { json: r[1] as string, dup: r[2] as string | null });
      }
      const { changed, replaced, relinks: allRelinks, unchanged } = planArticleWrite(articles, existing, relinks);
      if (replaced.length > 0) {
        await this.db.query('DELETE FROM news_postings WHERE article_id = ANY($1::text[])', [replaced]);
        await this.db.query('DELETE FROM news_articles WHERE id = ANY($1::text[])', [replaced]);
      }
      if (changed.length > 0) await this.insertArticles(changed);
      let relinked = 0;
      if (allRelinks.length > 0) {
        const rows = await this.db.rows(
          `UPDATE news_articles a SET duplicate_of = r.dup FROM unnest($1::text[], $2::text[]) AS r(rid, dup)
           WHERE a.id = r.rid AND a.duplicate_of IS DISTINCT FROM r.dup RETURNING 1`,
          [allRelinks.map((r) => r.id), allRelinks.map((r) => r.duplicateOf)]);
        relinked = rows.length;
      }
      if (changed.length > 0 || relinked > 0) await countChange(this.db, 'news');
      return { written: changed.length, writtenIds: changed.map((a) => a.id), unchanged, relinked };
    });
  }

  /** Inserts the articles and their postings inside the caller's transaction (two statements of arrays). */
  private async insertArticles(articles: readonly Article[]): Promise<void> {
    const cols: unknown[][] = Array.from({ length: 14 }, () => []);
    const terms: string[] = [], ids: string[] = [], tfs: number[] = [];
    for (const a of articles) {
      const doc = documentTerms(a.title, a.body);
      const row = [a.id, a.url, a.title, a.body, a.publishedAt, a.publishedMs, a.source, a.language, a.origin, a.duplicateOf,
        a.minhash ?? null, a.body.length, doc.length, articleContentKey(a)];
      row.forEach((v, i) => cols[i]?.push(v));
      for (const [t, tf] of doc.terms) {
        terms.push(t);
        ids.push(a.id);
        tfs.push(tf);
      }
    }
    await this.db.query(
      `INSERT INTO news_articles (id, url, title, body, published_at, published_ms, source, language, origin, duplicate_of,
         minhash, text_len, doc_len, article_json)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::integer[], $13::integer[], $14::text[])`, cols);
    if (terms.length > 0) {
      await this.db.query('INSERT INTO news_postings (term, article_id, tf) SELECT * FROM unnest($1::text[], $2::text[], $3::integer[])', [terms, ids, tfs]);
    }
  }

  async addOrigins(links: readonly { id: string; origin: string }[]): Promise<void> {
    if (links.length === 0) return;
    await this.db.query(
      `INSERT INTO news_origins (article_id, origin) SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [links.map((l) => l.id), links.map((l) => l.origin)]);
  }

  async getOrigins(id: string): Promise<string[]> {
    const rows = await this.db.rows('SELECT origin FROM news_origins WHERE article_id = $1 ORDER BY origin', [id]);
    return rows.map((r) => r[0] as string);
  }

  async getArticle(id: string): Promise<Article | null> {
    const [r] = await this.db.rows('SELECT article_json, duplicate_of FROM news_articles WHERE id = $1', [id]);
    return r ? articleFromJson(r[0] as string, r[1] as string | null) : null;
  }

  async listArticles(opts: { fromMs?: number; toMs?: number; includeDuplicates?: boolean } = {}): Promise<Article[]> {
    const rows = await this.db.rows(
      `SELECT article_json, duplicate_of FROM news_articles
       WHERE ($1::bigint IS NULL OR published_ms >= $1) AND ($2::bigint IS NULL OR published_ms <= $2)
         AND ($3::boolean OR duplicate_of IS NULL)
       ORDER BY published_ms, id`,
      [opts.fromMs ?? null, opts.toMs ?? null, opts.includeDuplicates ?? false]);
    return rows.map((r) => articleFromJson(r[0] as string, r[1] as string | null));
  }

  async dedupeKeys(): Promise<StoredDedupeKey[]> {
    const rows = await this.db.rows('SELECT id, url, published_ms, minhash, text_len, duplicate_of, origin FROM news_articles');
    return rows.map((r) => ({
      id: r[0] as string, url: r[1] as string | null, publishedMs: r[2] as number, minhash: (r[3] as string | null) ?? undefined,
      textLength: r[4] as number, duplicateOf: r[5] as string | null, origin: r[6] as string,
    }));
  }

  async search(q: NewsSearchQuery): Promise<NewsSearchHit[]> {
    const terms = [...new Set(q.terms)];
    if (terms.length === 0) return [];
    const rows = await this.db.rows(
      `WITH q AS (SELECT term, pos FROM unnest($1::text[]) WITH ORDINALITY AS q(term, pos)),
       stats AS (SELECT count(*)::float8 AS n, avg(doc_len)::float8 AS avgdl FROM news_articles),
       hits AS (SELECT p.term, p.article_id, p.tf::float8 AS tf, q.pos, count(*) OVER (PARTITION BY p.term)::float8 AS df
                FROM news_postings p JOIN q USING (term)),
       scored AS (
         SELECT h.article_id AS id,
           sum(ln(1 + (stats.n - h.df + 0.5) / (h.df + 0.5)) * h.tf * ${BM25_K1 + 1}
               / (h.tf + ${BM25_K1} * (1 - ${BM25_B} + ${BM25_B} * a.doc_len / stats.avgdl))) AS score,
           string_agg(h.term, ' ' ORDER BY h.pos) AS matched
         FROM hits h JOIN news_articles a ON a.id = h.article_id CROSS JOIN stats
         WHERE ($2::bigint IS NULL OR a.published_ms >= $2) AND ($3::bigint IS NULL OR a.published_ms <= $3)
           AND ($4::boolean OR a.duplicate_of IS NULL)
         GROUP BY h.article_id)
       SELECT s.id, s.score, s.matched FROM scored s JOIN news_articles a ON a.id = s.id
       ORDER BY round(s.score::numeric, 9) DESC, a.published_ms DESC, s.id
       LIMIT $5`,
      [terms, q.fromMs ?? null, q.toMs ?? null, q.includeDuplicates ?? false, q.limit ?? 20]);
    return rows.map((r) => ({ id: r[0] as string, score: roundScore(r[1] as number), matchedTerms: (r[2] as string).split(' ') }));
  }

  async counts(): Promise<{ articles: number; duplicates: number }> {
    const [r] = await this.db.rows('SELECT count(*), count(duplicate_of) FROM news_articles');
    return { articles: (r?.[0] as number | undefined) ?? 0, duplicates: (r?.[1] as number | undefined) ?? 0 };
  }

  async close(): Promise<void> {
    if (this.owned) await this.db.close();
  }
}
