import type { DuckDbConnection } from '../../src/store/duckdb/DuckDbConnection.js';

/**
 * The naive way to search stored news: a case-insensitive substring scan of every title and body for each
 * query word (`ILIKE '%word%'`), no index, no ranking beyond the number of words found.
 */
export async function naiveNewsSearch(db: DuckDbConnection, words: readonly string[], limit = 20): Promise<string[]> {
  const score = words.map((_, i) => `(CASE WHEN title || ' ' || body ILIKE $${i + 1} THEN 1 ELSE 0 END)`).join(' + ');
  const rows = await db.all<{ id: string }>(
    `SELECT id FROM (SELECT id, published_ms, ${score} AS s FROM news_articles) WHERE s > 0 ORDER BY s DESC, published_ms DESC LIMIT ${limit}`,
    words.map((w) => `%${w}%`));
  return rows.map((r) => r.id);
}
