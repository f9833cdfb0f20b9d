import type { Article } from '../../domain/article.js';
import { findDuplicates } from '../../news/dedupe/findDuplicates.js';
import type { RejectedItem } from '../../sources/newsFiles/readNewsFile.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import { DEFAULT_NEWS_ZONE } from './loadArticles.js';
import { readNewsInputs, type FileReport } from './readNewsInputs.js';

export type { FileReport } from './readNewsInputs.js';

export interface IngestOptions {
  readonly store: NewsStore;
  /** IANA zone for dates without offset; default Asia/Hong_Kong. */
  readonly assumeZone?: string;
  /** Articles per transaction; default 500. */
  readonly batchSize?: number;
  readonly fetchImpl?: typeof fetch;
  /** (done, total, what): called per file or URL read, then per batch written. */
  readonly onProgress?: (done: number, total: number, what: 'read' | 'write') => void;
}

export interface DuplicateReport {
  readonly id: string;
  readonly origin: string;
  readonly duplicateOf: string;
  /** `same-url`: same canonical URL (one row, origin recorded); `near-duplicate`: shingle Jaccard >= 0.8 (MinHash). */
  readonly reason: 'same-url' | 'near-duplicate';
}

export interface IngestSummary {
  /** Files and URLs read. */
  readonly sources: number;
  /** Articles parsed and repaired. */
  readonly parsed: number;
  /** New or changed rows stored (near-duplicates included, linked with duplicateOf). */
  readonly ingested: number;
  /** Articles already stored exactly so. */
  readonly unchanged: number;
  readonly duplicates: readonly DuplicateReport[];
  /** Stored articles re-pointed because an earlier copy arrived. */
  readonly relinked: number;
  readonly rejected: readonly RejectedItem[];
  /**
   * Batches the database refused (rolled back whole): their articles are not stored; nor are near-duplicates of
   * those articles in later batches (one more entry, so no stored row links to a missing original).
   */
  readonly failedBatches: readonly { readonly articles: number; readonly reason: string }[];
  /** One entry per input file or URL, in input order (a folder gives its files, sorted). */
  readonly files: readonly FileReport[];
}


/**
 * Ingests files, folders (recursive) and URLs into the news store: parse, repair, dedupe against the batch
 * and everything stored (keep the earliest, link the others), write in transactions of `batchSize`.
 * Same canonical URL means same article id: one row is kept (the earliest publication; a re-read of the
 * same origin replaces it) and every origin is recorded. A near-duplicate (different URL) is stored with
 * `duplicateOf` pointing at the earliest copy; when an earlier copy arrives later, stored links are moved.
 * @throws never for bad input (every problem is in `rejected`); SourceError only if the store cannot be read.
 */
export async function ingestNews(inputs: readonly string[], opts: IngestOptions): Promise<IngestSummary> {
  const read = await readNewsInputs(inputs, {
    assumeZone: opts.assumeZone ?? DEFAULT_NEWS_ZONE,
    ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
    onRead: (done, total) => opts.onProgress?.(done, total, 'read'),
  });
  const { files, rejected } = read;
  const parsed = read.items.map((i) => i.article);
  const reportOf = new Map(read.items.map((i) => [i.article.origin, i.report]));
  const summary = await storeArticles(parsed, read.sources, rejected, opts);
  for (const d of summary.duplicates) {
    const rep = reportOf.get(d.origin);
    if (rep) rep.duplicates++;
  }
  for (const a of summary.writtenArticles) {
    const rep = reportOf.get(a.origin);
    if (rep) rep.ingested++;
  }
  const { writtenArticles: _w, ...rest } = summary;
  return { ...rest, files };
}

async function storeArticles(parsed: readonly Article[], sourceCount: number, rejected: RejectedItem[], opts: IngestOptions):
  Promise<Omit<IngestSummary, 'files'> & { writtenArticles: Article[] }> {
  const { store } = opts;
  const stored = new Map((await store.dedupeKeys()).map((k) => [k.id, k]));
  const duplicates: DuplicateReport[] = [];
  const origins: { id: string; origin: string }[] = [];
  // 1. same id (= same canonical URL): one article per id, the earliest; a re-read of the stored origin replaces it
  const byId = new Map<string, Article>();
  for (const a of [...parsed].sort((x, y) => x.publishedMs - y.publishedMs)) {
    origins.push({ id: a.id, origin: a.origin });
    const first = byId.get(a.id);
    if (first) {
      duplicates.push({ id: a.id, origin: a.origin, duplicateOf: a.id, reason: 'same-url' });
      continue;
    }
    const old = stored.get(a.id);
    if (old && old.origin !== a.origin && old.publishedMs <= a.publishedMs) {
      duplicates.push({ id: a.id, origin: a.origin, duplicateOf: a.id, reason: 'same-url' });
      continue;
    }
    byId.set(a.id, a);
  }
  // 2. near-duplicates over everything stored plus the new articles
  const keys = new Map<string, { id: string; url: string | null; publishedMs: number; minhash: string | undefined; textLength: number }>();
  for (const k of stored.values()) keys.set(k.id, k);
  for (const a of byId.values()) keys.set(a.id, { id: a.id, url: a.url, publishedMs: a.publishedMs, minhash: a.minhash, textLength: a.body.length });
  const dups = findDuplicates([...keys.values()]);
  const fresh = [...byId.values()].map((a) => {
    const d = dups.get(a.id);
    if (d) duplicates.push({ id: a.id, origin: a.origin, duplicateOf: d.duplicateOf, reason: 'near-duplicate' });
    return { ...a, duplicateOf: d?.duplicateOf ?? null };
  });
  const relinks = [...stored.values()]
    .filter((k) => !byId.has(k.id) && (dups.get(k.id)?.duplicateOf ?? null) !== k.duplicateOf)
    .map((k) => ({ id: k.id, duplicateOf: dups.get(k.id)?.duplicateOf ?? null }));
  // 3. write in batches; a relink travels with the batch holding its target (or the first batch)
  const size = Math.max(1, opts.batchSize ?? 500);
  const batches: Article[][] = [];
  for (let i = 0; i < fresh.length; i += size) batches.push(fresh.slice(i, i + size));
  if (batches.length === 0 && relinks.length > 0) batches.push([]);
  const batchOf = new Map<string, number>();
  batches.forEach((b, i) => b.forEach((a) => batchOf.set(a.id, i)));
  let ingested = 0, unchanged = 0, relinked = 0;
  const writtenArticles: Article[] = [];
  const failedBatches: { articles: number; reason: string }[] = [];
  const failedIds = new Set<string>();
  for (let i = 0; i < batches.length; i++) {
    // a near-duplicate whose original was in a refused batch is not stored either (no link to a missing row)
    const orphans = (batches[i] ?? []).filter((a) => a.duplicateOf !== null && failedIds.has(a.duplicateOf));
    for (const a of orphans) failedIds.add(a.id);
    if (orphans.length > 0) failedBatches.push({ articles: orphans.length, reason: 'not stored: the original they duplicate was in a refused batch' });
    const batch = (batches[i] ?? []).filter((a) => !orphans.includes(a));
    const batchRelinks = relinks.filter((r) => (r.duplicateOf !== null ? batchOf.get(r.duplicateOf) ?? 0 : 0) === i);
    try {
      const r = await store.putArticles(batch, batchRelinks);
      ingested += r.written;
      const ids = new Set(r.writtenIds ?? []);
      writtenArticles.push(...batch.filter((a) => ids.has(a.id)));
      unchanged += r.unchanged;
      relinked += r.relinked;
    } catch (e) {
      failedBatches.push({ articles: batch.length, reason: (e as Error).message });
      for (const a of batch) failedIds.add(a.id);
    }
    opts.onProgress?.(i + 1, batches.length, 'write');
  }
  await store.addOrigins(origins.filter((o) => !failedIds.has(o.id) && (byId.has(o.id) || stored.has(o.id))));
  return {
    sources: sourceCount, parsed: parsed.length, ingested, unchanged, duplicates, relinked, rejected, failedBatches, writtenArticles,
  };
}
