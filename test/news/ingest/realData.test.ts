import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { ingestNews, type IngestSummary } from '../../../src/app/news/ingest.js';
import { loadArticlesFromPath } from '../../../src/app/news/loadArticles.js';
import { searchNews } from '../../../src/app/news/search.js';
import { main } from '../../../src/cli/main.js';
import { DuckDbNewsStore } from '../../../src/store/news/DuckDbNewsStore.js';
import { describeWithSharedData, NEWS_DATA, SEED_DIR } from '../../support/sharedData.js';

const NEWS_ROOT = resolve(NEWS_DATA, '..'); // ../shared/data/news: the corpus folder plus SOURCES.md

describeWithSharedData('news ingest on the real RTHK corpus and the seed', () => {
  let store: DuckDbNewsStore;
  let summary: IngestSummary;
  let tmp: string;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'iw-news-real-'));
    store = await DuckDbNewsStore.open(join(tmp, 'news.duckdb'));
    summary = await ingestNews([NEWS_ROOT, SEED_DIR], { store });
  });
  afterAll(async () => {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('ingests all 711 RTHK files and the seed; the only rejection is SOURCES.md (documentation, no front matter)', async () => {
    expect(summary.ingested).toBe(712);
    expect(summary.rejected.map((r) => r.reason)).toEqual([
      `${join(NEWS_ROOT, 'SOURCES.md')}:1: field "front matter": no YAML front matter (file must start with a "---" line)`,
    ]);
    // the corpus was de-duplicated by URL upstream, and its most similar distinct items (daily close templates)
    // reach a shingle Jaccard of 0.56, below the 0.8 threshold: no duplicates expected
    expect(summary.duplicates).toEqual([]);
    expect(summary.failedBatches).toEqual([]);
    expect(await store.counts()).toEqual({ articles: 712, duplicates: 0 });
  });

  it('keeps every RTHK date with its +08:00 offset and the original text', async () => {
    const rthk = (await store.listArticles()).filter((a) => a.source === 'RTHK');
    expect(rthk).toHaveLength(711);
    expect(rthk.every((a) => a.publishedAt.endsWith('+08:00') && a.publishedAt === a.publishedAtText && a.timeZoneAssumed === undefined)).toBe(true);
    expect(rthk[0]?.publishedAt.slice(0, 10)).toBe('2024-10-04');
    expect(rthk.at(-1)?.publishedAt.slice(0, 10)).toBe('2025-04-17');
    expect(rthk.every((a) => a.url?.startsWith('https://news.rthk.hk/'))).toBe(true);
    expect(rthk.some((a) => /â€|Ã.|&amp;|&#\d+;/.test(a.title + a.body))).toBe(false);
  });

  it('repairs the seed title and reads its offset-less date as Hong Kong time (16:10:53 HKT = 08:10:53 GMT, after the 08:01 GMT wire)', async () => {
    const [seed] = await searchNews(store, 'DeepSeek breakthrough fuels rally', { from: '2025-02-07', to: '2025-02-07' });
    expect(seed?.title).toBe('DeepSeek Breakthrough Fuels Rally in Chinese Tech Stocks — Update');
    const a = await store.getArticle(seed!.id);
    expect(a?.publishedAt).toBe('2025-02-07T16:10:53+08:00');
    expect(a?.publishedMs).toBe(Date.UTC(2025, 1, 7, 8, 10, 53));
    expect(a?.timeZoneAssumed).toBe('Asia/Hong_Kong');
    expect(a?.body).toContain('Enterprise software maker Kingdee jumped 14.5%.');
  });

  it('finds the 2025-02-07 HSI close (SOURCES.md spot check) by search', async () => {
    const hits = await searchNews(store, 'Hang Seng Index finished', { from: '2025-02-07', to: '2025-02-07', limit: 50 });
    const texts = await Promise.all(hits.map(async (h) => (await store.getArticle(h.id))?.body ?? ''));
    expect(texts.some((t) => t.includes('21,133'))).toBe(true);
  });

  it('loadArticlesFromPath gives the same 711 RTHK articles without a store', async () => {
    const { articles, rejected } = await loadArticlesFromPath(NEWS_DATA);
    expect(articles).toHaveLength(711);
    expect(rejected).toEqual([]);
  });

  it('the CLI ingests and searches with --json', async () => {
    const db = join(tmp, 'cli.duckdb');
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out.push(String(s));
      return true;
    });
    try {
      expect(await main(['node', 'indexwire', 'news', 'ingest', SEED_DIR, '--db', db, '--json'])).toBe(0);
      const ingest = JSON.parse(out.join('')) as IngestSummary;
      expect([ingest.ingested, ingest.rejected.length]).toEqual([1, 0]);
      out.length = 0;
      expect(await main(['node', 'indexwire', 'news', 'search', 'HSBC', 'analysts', '--db', db, '--json'])).toBe(0);
      const hits = JSON.parse(out.join('')) as { title: string; matchedTerms: string[]; snippet: string }[];
      expect(hits).toHaveLength(1);
      expect(hits[0]?.matchedTerms).toEqual(['hsbc', 'analyst']);
      expect(hits[0]?.snippet).toContain('HSBC');
      const err: string[] = [];
      const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
        err.push(String(s));
        return true;
      });
      try {
        expect(await main(['node', 'indexwire', 'news', 'search', 'x', '--db', join(tmp, 'missing.duckdb')])).toBe(1);
      } finally {
        errSpy.mockRestore();
      }
      expect(err.join('')).toMatch(/missing\.duckdb: no news database here/);
    } finally {
      spy.mockRestore();
    }
  });
});
