/**
 * News store: (1) the whole `news ingest` job on the RTHK corpus (711 Markdown files: read, parse, repair, MinHash,
 * dedupe, store with the BM25 index) into a fresh DuckDB file; (2) bulk writes of the corpus repeated with fresh
 * ids to 14,220 articles, 500 per transaction; (3) search latency of 12 queries over those 14,220 articles.
 * Baseline for (3), same process and data: a substring scan per query word (bench/baselines/naiveNewsSearch.ts).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestNews } from '../src/app/news/ingest.js';
import { loadArticlesFromPath } from '../src/app/news/loadArticles.js';
import { tokenizeForSearch } from '../src/news/parse/tokenizeForSearch.js';
import { DuckDbConnection } from '../src/store/duckdb/DuckDbConnection.js';
import { DuckDbNewsStore } from '../src/store/news/DuckDbNewsStore.js';
import { naiveNewsSearch } from './baselines/naiveNewsSearch.js';
import { peakRssMb, report, timeAsync } from './harness.js';

const newsDir = resolve(process.env.INDEXWIRE_SHARED ?? resolve(import.meta.dirname, '../../shared'), 'data/news/rthk_finance_en');
if (!existsSync(newsDir)) {
  process.stdout.write(`newsStore bench: SKIPPED, needs ${newsDir}\n`);
  process.exit(0);
}
const REPEATS = 20;
const QUERIES = ['tariff', 'deepseek', 'hang seng tech', 'property stimulus', 'federal reserve rate cut', 'alibaba earnings',
  'xiaomi electric vehicle', 'trade war', 'hsbc profit', 'yuan', 'bitcoin', 'consumer prices'];
const tmp = mkdtempSync(join(tmpdir(), 'iw-newsbench-'));
try {
  // (1) the job
  const jobStore = await DuckDbNewsStore.open(join(tmp, 'job.duckdb'));
  const job = await timeAsync(() => ingestNews([newsDir], { store: jobStore }));
  await jobStore.close();
  report(`news ingest job (711 files -> DuckDB, ${job.result.ingested} stored)`, job.result.parsed / job.seconds, 'articles/s');

  // (2) bulk writes
  const { articles } = await loadArticlesFromPath(newsDir);
  const many = Array.from({ length: REPEATS }, (_, r) => articles.map((a) => ({ ...a, id: `${a.id}-${r}`, url: `${a.url ?? ''}#${r}` }))).flat();
  const db = await DuckDbConnection.open(join(tmp, 'bulk.duckdb'));
  const store = await DuckDbNewsStore.open(db);
  const write = await timeAsync(async () => {
    for (let i = 0; i < many.length; i += 500) await store.putArticles(many.slice(i, i + 500));
  });
  report(`store writes (${many.length.toLocaleString('en-US')} articles, 500 per transaction, with index)`, many.length / write.seconds, 'articles/s');

  // (3) search, BM25 vs naive scan; warm both once
  for (const q of QUERIES.slice(0, 2)) {
    await store.search({ terms: tokenizeForSearch(q) });
    await naiveNewsSearch(db, q.split(' '));
  }
  const bm25 = await timeAsync(async () => {
    for (let r = 0; r < 3; r++) for (const q of QUERIES) await store.search({ terms: tokenizeForSearch(q) });
  });
  const naive = await timeAsync(async () => {
    for (let r = 0; r < 3; r++) for (const q of QUERIES) await naiveNewsSearch(db, q.split(' '));
  });
  const n = QUERIES.length * 3;
  report(`search latency (BM25 in SQL, ${many.length.toLocaleString('en-US')} articles)`, (bm25.seconds / n) * 1000, 'ms/query', (naive.seconds / n) * 1000, false);
  report('search latency, baseline (substring scan, unranked)', (naive.seconds / n) * 1000, 'ms/query');
  report('peak RSS', peakRssMb(), 'MB');
  await db.close();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
