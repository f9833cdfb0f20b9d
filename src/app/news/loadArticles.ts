import type { Article } from '../../domain/article.js';
import { buildArticle, ArticleFieldError } from '../../news/parse/buildArticle.js';
import { findDuplicates } from '../../news/dedupe/findDuplicates.js';
import { formatInputIssue } from '../../core/errors.js';
import { listNewsFilesReport } from '../../sources/newsFiles/listNewsFiles.js';
import { readNewsFile, type RejectedItem } from '../../sources/newsFiles/readNewsFile.js';

/** Zone for publication dates written without an offset (see docs/news-ingest.md, "Dates"). */
export const DEFAULT_NEWS_ZONE = 'Asia/Hong_Kong';

export interface LoadArticlesOptions {
  /** IANA zone for dates without offset; default DEFAULT_NEWS_ZONE. */
  readonly assumeZone?: string;
  /** Called after each file with (files done, files total). */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface LoadedArticles {
  /** Every article read, in publication order; duplicates have `duplicateOf` set to the earliest copy. */
  readonly articles: Article[];
  /** Files or items refused, each with a one-line reason naming file, line and field. */
  readonly rejected: RejectedItem[];
}

/**
 * Reads news from a file or a folder (recursively): Markdown with front matter, RSS/Atom, HTML pages,
 * plain text. Text is repaired, URLs canonical, dates parsed with offsets, duplicates linked
 * (`duplicateOf`; keep `a.duplicateOf === null` for one copy of each story). Nothing is stored.
 * @example const { articles, rejected } = await loadArticlesFromPath('../shared/data/news')
 * @throws SourceError when `path` does not exist; bad files never throw, they are listed in `rejected`.
 */
export async function loadArticlesFromPath(path: string, opts: LoadArticlesOptions = {}): Promise<LoadedArticles> {
  const listed = await listNewsFilesReport(path);
  const result = await readArticleFiles(listed.files, opts);
  const skipped = listed.skipped.map((s) => ({ origin: s.path, reason: `${s.path}: ${s.reason}` }));
  return { articles: markDuplicates(result.articles), rejected: [...skipped, ...result.rejected] };
}

/** Reads and builds the given files (no dedupe). @throws never. */
export async function readArticleFiles(files: readonly string[], opts: LoadArticlesOptions = {}): Promise<LoadedArticles> {
  const zone = opts.assumeZone ?? DEFAULT_NEWS_ZONE;
  const articles: Article[] = [];
  const rejected: RejectedItem[] = [];
  let done = 0;
  for (const f of files) {
    const r = await readNewsFile(f);
    rejected.push(...r.rejected);
    for (const raw of r.raws) {
      try {
        articles.push(buildArticle(raw, { assumeZone: zone }));
      } catch (e) {
        const reason = e instanceof ArticleFieldError
          ? formatInputIssue({ source: raw.origin, field: e.field, ...(e.value !== undefined ? { value: e.value } : {}), reason: e.reason })
          : formatInputIssue({ source: raw.origin, reason: 'could not be read (unexpected structure), skipped' });
        rejected.push({ origin: raw.origin, reason });
      }
    }
    opts.onProgress?.(++done, files.length);
  }
  return { articles, rejected };
}

/** Sets `duplicateOf` on later copies (findDuplicates) and sorts by publication time. @throws never. */
export function markDuplicates(articles: readonly Article[]): Article[] {
  const dups = findDuplicates(articles.map((a) => ({
    id: a.id, url: a.url, publishedMs: a.publishedMs, minhash: a.minhash, textLength: a.body.length,
  })));
  // the same article read twice (same id = same canonical URL) is kept once: its earliest publication, as ingest keeps
  const unique = new Map<string, Article>();
  for (const a of articles) {
    const kept = unique.get(a.id);
    if (kept === undefined || a.publishedMs < kept.publishedMs) unique.set(a.id, a);
  }
  return [...unique.values()]
    .map((a) => {
      const d = dups.get(a.id);
      return d ? { ...a, duplicateOf: d.duplicateOf } : a;
    })
    .sort((a, b) => a.publishedMs - b.publishedMs || (a.id < b.id ? -1 : 1));
}
