import { describe, expect, it } from 'vitest';
import { DuckDbConnection } from '../../../src/store/duckdb/DuckDbConnection.js';
import { DuckDbNewsStore } from '../../../src/store/news/DuckDbNewsStore.js';
import { MemoryNewsStore } from '../../../src/store/news/MemoryNewsStore.js';
import { art, newsStoreContract } from './newsStoreContract.js';

newsStoreContract('memory', async () => new MemoryNewsStore());
newsStoreContract('duckdb', async () => DuckDbNewsStore.open(':memory:'));

describe('DuckDbNewsStore atomicity', () => {
  it('rolls back the whole batch when the index write fails (nothing half-stored)', async () => {
    const db = await DuckDbConnection.open(':memory:');
    const s = await DuckDbNewsStore.open(db);
    await s.putArticles([art('a', 'Alpha', 'tariff', '2025-02-05T10:00:00+08:00')]);
    await db.run('DROP TABLE news_postings'); // the article insert succeeds, the postings insert then fails
    await expect(s.putArticles([art('b', 'Beta', 'market', '2025-02-06T10:00:00+08:00')])).rejects.toThrow(/news_postings/);
    expect(await s.counts()).toEqual({ articles: 1, duplicates: 0 });
    expect(await s.getArticle('b')).toBeNull();
    await db.close();
  });
});
