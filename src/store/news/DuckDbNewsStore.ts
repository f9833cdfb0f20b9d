import { BIGINT, INTEGER, LIST, listValue, VARCHAR, type DuckDBAppender, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { SourceError } from '../../core/errors.js';
import type { Article } from '../../domain/article.js';
import { documentTerms } from '../../news/parse/tokenizeForSearch.js';
import { DuckDbConnection } from '../duckdb/DuckDbConnection.js';
import { articleContentKey, articleFromJson } from './articleJson.js';
import { planArticleWrite, type StoredArticleKey } from './planArticleWrite.js';
import { roundScore } from './bm25.js';
import { BM25_B, BM25_K1, type NewsSearchHit, type NewsSearchQuery, type NewsStore, type NewsWriteResult, type StoredDedupeKey } from './NewsStore.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS news_articles (
  id VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR NOT NULL, body VARCHAR NOT NULL,
  published_at VARCHAR NOT NULL, published_ms BIGINT NOT NULL, source VARCHAR NOT NULL, language VARCHAR,
  origin VARCHAR NOT NULL, duplicate_of VARCHAR, minhash VARCHAR, text_len INTEGER NOT NULL,
  doc_len INTEGER NOT NULL, article_json VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS news_postings (term VARCHAR NOT NULL, article_id VARCHAR NOT NULL, tf INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS news_origins (article_id VARCHAR NOT NULL, origin VARCHAR NOT NULL, PRIMARY KEY (article_id, origin));
`;

const list = (xs: readonly DuckDBValue[]): DuckDBValue => listValue(xs);
const appendNullable = (app: DuckDBAppender, v: string | null): void => (v === null ? app.appendNull() : app.appendVarchar(v));
const TYPE: Readonly<Record<string, DuckDBType>> = { VARCHAR, BIGINT, INTEGER };

/**
 * News tables in a DuckDB file, with full-text search. The `fts` extension is not bundled with
 * @duckdb/node-api 1.5.6-r.1 (`LOAD fts` looks for it under ~/.duckdb and the network is closed), so the
 * index is our own: `news_postings(term, article_id, tf)` filled with tokenizeForSearch, scored with BM25
 * in SQL. Every write is one transaction; rows go in through DuckDB appenders, which join the open transaction
 * (a rollback removes their rows: tested).
 * Tables: news_articles (one row per id; `article_json` holds the full Article without duplicateOf),
 * news_postings, news_origins.
 */
export class DuckDbNewsStore implements NewsStore {
  private constructor(private readonly db: DuckDbConnection, private readonly owned: boolean) {}

  /**
   * Opens `path` (a file or `:memory:`), creating the tables. Pass an open DuckDbConnection to share it
   * (one process owns a DuckDB file); then close() leaves it open.
   * @throws SourceError when the file is locked by another process or cannot be opened.
   */
  static async open(pathOrDb: string | DuckDbConnection): Promise<DuckDbNewsStore> {
    const owned = typeof pathOrDb === 'string';
    const db = owned ? await DuckDbConnection.open(pathOrDb) : pathOrDb;
    await db.run(SCHEMA);
    return new DuckDbNewsStore(db, owned);
  }

  async putArticles(articles: readonly Article[], relinks: readonly { id: string; duplicateOf: string | null }[] = []): Promise<NewsWriteResult> {
    return this.db.transaction(async () => {
      const ids = articles.map((a) => a.id);
      const existing = new Map<string, StoredArticleKey>();
      if (ids.length > 0) {
        // ids first (one narrow column), documents only for the ids already stored
        const found = await this.db.all<{ id: string }>(
          'SELECT id FROM news_articles WHERE id IN (SELECT unnest($1::VARCHAR[]))', [list(ids)]);
        if (found.length > 0) {
          const rows = await this.db.all<{ id: string; article_json: string; duplicate_of: string | null }>(
            'SELECT id, article_json, duplicate_of FROM news_articles WHERE id IN (SELECT unnest($1::VARCHAR[]))', [list(found.map((r) => r.id))]);
          for (const r of rows) existing.set(r.id, { json: r.article_json, dup: r.duplicate_of });
        }
      }
      const { changed, replaced, relinks: allRelinks, unchanged } = planArticleWrite(articles, existing, relinks);
      if (replaced.length > 0) {
        await this.db.run('DELETE FROM news_postings WHERE article_id IN (SELECT unnest($1::VARCHAR[]))', [list(replaced)]);
        await this.db.run('DELETE FROM news_articles WHERE id IN (SELECT unnest($1::VARCHAR[]))', [list(replaced)]);
      }
      if (changed.length > 0) await this.insertArticles(changed);
      let relinked = 0;
      if (allRelinks.length > 0) {
        await this.bulk('CREATE OR REPLACE TEMP TABLE news_relinks AS SELECT unnest($1::VARCHAR[]) AS rid, unnest($2::VARCHAR[]) AS dup',
          [allRelinks.map((r) => r.id), allRelinks.map((r) => r.duplicateOf)], ['VARCHAR', 'VARCHAR']);
        const rows = await this.db.all<{ n: number }>(
          `UPDATE news_articles SET duplicate_of = r.dup FROM news_relinks r
           WHERE news_articles.id = r.rid AND news_articles.duplicate_of IS DISTINCT FROM r.dup
           RETURNING 1 AS n`);
        relinked = rows.length;
        await this.db.run('DROP TABLE news_relinks');
      }
      return { written: changed.length, writtenIds: changed.map((a) => a.id), unchanged, relinked };
    });
  }

  /** Appends rows inside the caller's transaction (a DuckDB appender joins it: a rollback removes its rows). */
  private async insertArticles(articles: readonly Article[]): Promise<void> {
    const rows = await this.db.appender('news_articles');
    const postings = await this.db.appender('news_postings');
    try {
      for (const a of articles) {
        const { terms, length } = documentTerms(a.title, a.body);
        rows.appendVarchar(a.id);
        appendNullable(rows, a.url);
        rows.appendVarchar(a.title);
        rows.appendVarchar(a.body);
        rows.appendVarchar(a.publishedAt);
        rows.appendBigInt(BigInt(a.publishedMs));
        rows.appendVarchar(a.source);
        rows.appendVarchar(a.language);
        rows.appendVarchar(a.origin);
        appendNullable(rows, a.duplicateOf);
        appendNullable(rows, a.minhash ?? null);
        rows.appendInteger(a.body.length);
        rows.appendInteger(length);
        rows.appendVarchar(articleContentKey(a));
        rows.endRow();
        for (const [t, tf] of terms) {
          postings.appendVarchar(t);
          postings.appendVarchar(a.id);
          postings.appendInteger(tf);
          postings.endRow();
        }
      }
      rows.flushSync();
      postings.flushSync();
    } catch (e) {
      throw new SourceError(this.db.path, `cannot store articles: ${((e as Error).message ?? String(e)).split('\n')[0]}`, false);
    } finally {
      rows.closeSync();
      postings.closeSync();
    }
  }

  /** Runs `sql` with list parameters of explicit element types (a list holding NULLs needs its type stated). */
  private async bulk(sql: string, lists: readonly DuckDBValue[][], types: readonly string[]): Promise<void> {
    try {
      await this.db.raw.run(sql, lists.map((l) => list(l)), types.map((t) => LIST(TYPE[t] ?? VARCHAR)));
    } catch (e) {
      throw new SourceError(this.db.path, `${((e as Error).message ?? String(e)).split('\n')[0]} (in: ${sql.slice(0, 60)})`, false);
    }
  }

  async addOrigins(links: readonly { id: string; origin: string }[]): Promise<void> {
    if (links.length === 0) return;
    await this.db.transaction(() =>
      this.db.run(
        `INSERT OR IGNORE INTO news_origins SELECT DISTINCT * FROM (SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]))`,
        [list(links.map((l) => l.id)), list(links.map((l) => l.origin))]));
  }

  async getOrigins(id: string): Promise<string[]> {
    const rows = await this.db.all<{ origin: string }>('SELECT origin FROM news_origins WHERE article_id = $1 ORDER BY origin', [id]);
    return rows.map((r) => r.origin);
  }

  async getArticle(id: string): Promise<Article | null> {
    const rows = await this.db.all<{ article_json: string; duplicate_of: string | null }>(
      'SELECT article_json, duplicate_of FROM news_articles WHERE id = $1', [id]);
    const r = rows[0];
    return r ? articleFromJson(r.article_json, r.duplicate_of) : null;
  }

  async listArticles(opts: { fromMs?: number; toMs?: number; includeDuplicates?: boolean } = {}): Promise<Article[]> {
    const rows = await this.db.all<{ article_json: string; duplicate_of: string | null }>(
      `SELECT article_json, duplicate_of FROM news_articles
       WHERE ($1::BIGINT IS NULL OR published_ms >= $1) AND ($2::BIGINT IS NULL OR published_ms <= $2)
         AND ($3 OR duplicate_of IS NULL)
       ORDER BY published_ms, id`,
      [opts.fromMs ?? null, opts.toMs ?? null, opts.includeDuplicates ?? false]);
    return rows.map((r) => articleFromJson(r.article_json, r.duplicate_of));
  }

  async dedupeKeys(): Promise<StoredDedupeKey[]> {
    const rows = await this.db.all<{ id: string; url: string | null; published_ms: number; minhash: string | null; text_len: number; duplicate_of: string | null; origin: string }>(
      'SELECT id, url, published_ms, minhash, text_len, duplicate_of, origin FROM news_articles');
    return rows.map((r) => ({
      id: r.id, url: r.url, publishedMs: r.published_ms, minhash: r.minhash ?? undefined, textLength: r.text_len, duplicateOf: r.duplicate_of, origin: r.origin,
    }));
  }

  async search(q: NewsSearchQuery): Promise<NewsSearchHit[]> {
    const terms = [...new Set(q.terms)];
    if (terms.length === 0) return [];
    const rows = await this.db.all<{ id: string; score: number; matched: string }>(
      `WITH q AS (SELECT unnest($1::VARCHAR[]) AS term, generate_subscripts($1::VARCHAR[], 1) AS pos),
       stats AS (SELECT count(*)::DOUBLE AS n, avg(doc_len)::DOUBLE AS avgdl FROM news_articles),
       hits AS (SELECT p.term, p.article_id, p.tf, q.pos, count(*) OVER (PARTITION BY p.term)::DOUBLE AS df
                FROM news_postings p JOIN q USING (term)),
       scored AS (
         SELECT h.article_id AS id,
           sum(ln(1 + (stats.n - h.df + 0.5) / (h.df + 0.5)) * h.tf * ${BM25_K1 + 1}
               / (h.tf + ${BM25_K1} * (1 - ${BM25_B} + ${BM25_B} * a.doc_len / stats.avgdl))) AS score,
           string_agg(h.term, ' ' ORDER BY h.pos) AS matched
         FROM hits h JOIN news_articles a ON a.id = h.article_id, stats
         WHERE ($2::BIGINT IS NULL OR a.published_ms >= $2) AND ($3::BIGINT IS NULL OR a.published_ms <= $3)
           AND ($4 OR a.duplicate_of IS NULL)
         GROUP BY h.article_id)
       SELECT s.id, s.score, s.matched FROM scored s JOIN news_articles a ON a.id = s.id
       ORDER BY round(s.score, 9) DESC, a.published_ms DESC, s.id
       LIMIT $5`,
      [list(terms), q.fromMs ?? null, q.toMs ?? null, q.includeDuplicates ?? false, q.limit ?? 20]);
    return rows.map((r) => ({ id: r.id, score: roundScore(r.score), matchedTerms: r.matched.split(' ') }));
  }

  async counts(): Promise<{ articles: number; duplicates: number }> {
    const rows = await this.db.all<{ n: number; d: number }>(
      'SELECT count(*) AS n, count(duplicate_of) AS d FROM news_articles');
    return { articles: rows[0]?.n ?? 0, duplicates: rows[0]?.d ?? 0 };
  }

  async close(): Promise<void> {
    if (this.owned) await this.db.close();
  }
}
