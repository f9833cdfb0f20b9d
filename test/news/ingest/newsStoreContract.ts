import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/domain/article.js';
import type { NewsStore } from '../../../src/store/news/NewsStore.js';
import { tokenizeForSearch } from '../../../src/news/parse/tokenizeForSearch.js';

/** A small article; `publishedMs` from the ISO time. */
export function art(id: string, title: string, body: string, publishedAt: string, extra: Partial<Article> = {}): Article {
  return {
    id, url: `https://news.example/${id}`, title, body, publishedAt, publishedMs: Date.parse(publishedAt),
    source: 'Test', language: 'en', categories: ['finance'], tags: [], origin: `/tmp/${id}.md`, duplicateOf: null,
    ...extra,
  };
}

const A = art('a', 'Alpha', 'tariff tariff', '2025-02-05T10:00:00+08:00', { summary: 'sum', timeZoneAssumed: 'Asia/Hong_Kong', minhash: '0123456789abcdef' });
const B = art('b', 'Beta', 'tariff market', '2025-02-06T10:00:00+08:00');
const C = art('c', 'Gamma', 'market', '2025-02-07T10:00:00+08:00');

/**
 * The contract every NewsStore passes (DuckDB file and in-memory twin).
 * `make` returns a fresh, empty store.
 */
export function newsStoreContract(name: string, make: () => Promise<NewsStore>): void {
  describe(`NewsStore contract: ${name}`, () => {
    it('stores and returns articles with every optional field, in publication order', async () => {
      const s = await make();
      const r = await s.putArticles([C, A, B]);
      expect({ ...r, writtenIds: [...(r.writtenIds ?? [])].sort() }).toEqual({ written: 3, writtenIds: ['a', 'b', 'c'], unchanged: 0, relinked: 0 });
      expect(await s.getArticle('a')).toEqual(A);
      expect(await s.getArticle('zz')).toBeNull();
      expect((await s.listArticles()).map((a) => a.id)).toEqual(['a', 'b', 'c']);
      expect((await s.listArticles({ fromMs: B.publishedMs, toMs: B.publishedMs })).map((a) => a.id)).toEqual(['b']);
      expect(await s.counts()).toEqual({ articles: 3, duplicates: 0 });
      await s.close();
    });

    it('writes nothing for an identical re-put and replaces a changed article (index follows)', async () => {
      const s = await make();
      await s.putArticles([A, B, C]);
      expect(await s.putArticles([A, B])).toEqual({ written: 0, writtenIds: [], unchanged: 2, relinked: 0 });
      const a2 = { ...A, body: 'stimulus' };
      expect(await s.putArticles([a2])).toEqual({ written: 1, writtenIds: [a2.id], unchanged: 0, relinked: 0 });
      expect((await s.search({ terms: ['tariff'] })).map((h) => h.id)).toEqual(['b']);
      expect((await s.search({ terms: ['stimulus'] })).map((h) => h.id)).toEqual(['a']);
      await s.close();
    });

    it('ranks by BM25 over title x2 + body, computed by hand', async () => {
      const s = await make();
      await s.putArticles([A, B, C]);
      // tokens: A = alpha alpha tariff tariff (4), B = beta beta tariff market (4), C = gamma gamma market (3)
      // N = 3, avgdl = 11/3, df(tariff) = 2: idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln(1.6) = 0.4700036
      // A: tf 2, dl 4: 0.4700036 * 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 4 / (11/3))) = 2.0680160 / 3.2818182 = 0.6301434
      // B: tf 1, dl 4: 0.4700036 * 2.2 / (1 + 1.2818182) = 0.4531509
      const hits = await s.search({ terms: ['tariff'] });
      expect(hits.map((h) => h.id)).toEqual(['a', 'b']);
      expect(hits[0]?.score).toBeCloseTo(0.6301434, 6);
      expect(hits[1]?.score).toBeCloseTo(0.4531509, 6);
      // market: B (dl 4) 0.4531509, C (dl 3): 0.4700036 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 3 / (11/3))) = 0.5077718
      const both = await s.search({ terms: ['tariff', 'market'] });
      expect(both.map((h) => [h.id, h.matchedTerms])).toEqual([['b', ['tariff', 'market']], ['a', ['tariff']], ['c', ['market']]]);
      expect(both[0]?.score).toBeCloseTo(0.4531509 * 2, 6);
      expect(both[2]?.score).toBeCloseTo(0.5077718, 6);
      expect(await s.search({ terms: ['tariff'], limit: 1 })).toHaveLength(1);
      expect(await s.search({ terms: [] })).toEqual([]);
      expect(await s.search({ terms: ['nothing'] })).toEqual([]);
      await s.close();
    });

    it('filters search by time and hides duplicates unless asked', async () => {
      const s = await make();
      await s.putArticles([A, B, { ...C, body: 'tariff', duplicateOf: 'a' }]);
      expect((await s.search({ terms: ['tariff'] })).map((h) => h.id).sort()).toEqual(['a', 'b']);
      expect((await s.search({ terms: ['tariff'], includeDuplicates: true })).map((h) => h.id).sort()).toEqual(['a', 'b', 'c']);
      expect((await s.search({ terms: ['tariff'], fromMs: B.publishedMs })).map((h) => h.id)).toEqual(['b']);
      expect((await s.search({ terms: ['tariff'], toMs: A.publishedMs })).map((h) => h.id)).toEqual(['a']);
      expect(await s.counts()).toEqual({ articles: 3, duplicates: 1 });
      expect((await s.listArticles()).map((a) => a.id)).toEqual(['a', 'b']);
      expect((await s.listArticles({ includeDuplicates: true })).map((a) => a.id)).toEqual(['a', 'b', 'c']);
      await s.close();
    });

    it('relinks stored duplicates in the same atomic call and exposes dedupe keys', async () => {
      const s = await make();
      await s.putArticles([B, { ...C, duplicateOf: 'b' }]);
      const r = await s.putArticles([A], [{ id: 'b', duplicateOf: 'a' }, { id: 'c', duplicateOf: 'a' }]);
      expect(r).toEqual({ written: 1, writtenIds: ['a'], unchanged: 0, relinked: 2 });
      const keys = (await s.dedupeKeys()).sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(keys.map((k) => [k.id, k.duplicateOf, k.textLength])).toEqual([['a', null, 13], ['b', 'a', 13], ['c', 'a', 6]]);
      expect(keys[0]?.minhash).toBe('0123456789abcdef');
      expect(keys[0]?.origin).toBe('/tmp/a.md');
      expect((await s.getArticle('b'))?.duplicateOf).toBe('a');
      // a re-put whose only change is duplicateOf counts as a relink, not a write
      expect(await s.putArticles([{ ...B, duplicateOf: null }])).toEqual({ written: 0, writtenIds: [], unchanged: 0, relinked: 1 });
      expect((await s.getArticle('b'))?.duplicateOf).toBeNull();
      await s.close();
    });

    it('keeps every origin of an article once', async () => {
      const s = await make();
      await s.putArticles([A]);
      await s.addOrigins([{ id: 'a', origin: '/x/feed.xml#item2' }, { id: 'a', origin: '/tmp/a.md' }, { id: 'a', origin: '/x/feed.xml#item2' }]);
      await s.addOrigins([{ id: 'a', origin: '/tmp/a.md' }]);
      expect(await s.getOrigins('a')).toEqual(['/tmp/a.md', '/x/feed.xml#item2']);
      await s.close();
    });

    it('searches Chinese text by character bigrams', async () => {
      const s = await make();
      await s.putArticles([art('z', '恒生科技指数', '阿里巴巴股价上升', '2025-02-07T10:00:00+08:00')]);
      expect((await s.search({ terms: tokenizeForSearch('科技') })).map((h) => h.id)).toEqual(['z']);
      expect((await s.search({ terms: tokenizeForSearch('阿里巴巴') })).map((h) => h.id)).toEqual(['z']);
      await s.close();
    });
  });
}
