import type { Article } from '../../domain/article.js';
import { formatInputIssue } from '../../core/errors.js';
import { ArticleFieldError, buildArticleReport, type RawArticle } from '../../news/parse/buildArticle.js';
import { fetchNewsUrl } from '../../sources/feeds/fetchNewsUrl.js';
import { listNewsFilesReport } from '../../sources/newsFiles/listNewsFiles.js';
import { readNewsFile, type RejectedItem } from '../../sources/newsFiles/readNewsFile.js';

/** What happened to one input file (or URL), in input order: `news ingest --json` `files`. */
export interface FileReport {
  readonly path: string;
  /** `markdown`, `text`, `html`, `rss 2.0`, `rss 1.0`, `rss`, `atom 1.0`, `atom 0.3`; null when not read. */
  readonly format: string | null;
  /** Charset and why, e.g. `utf-8 (valid UTF-8)`, `big5-hkscs (XML declaration)`; null when not decoded. */
  readonly encoding: string | null;
  /** Items read from the file before dedupe (a Markdown file: 1). */
  items: number;
  /** Of them, new or changed rows written. */
  ingested: number;
  /** Of them, same-URL or near-duplicates of another article. */
  duplicates: number;
  readonly rejected: RejectedItem[];
  /** What was recovered or repaired, one line each (forgiving XML read, invalid UTF-8, a wrong weekday kept). */
  readonly warnings: string[];
}

/** One article read: what the parser gave (before repair), the repaired article, and its file's report. */
export interface ReadItem {
  readonly raw: RawArticle;
  readonly article: Article;
  readonly report: FileReport;
}

export interface ReadNewsInputs {
  /** Files and URLs read (refused ones not counted). */
  readonly sources: number;
  /** One report per input file or URL, in input order (a folder gives its files, sorted). */
  readonly files: FileReport[];
  /** Every article read, in input order (no dedupe). */
  readonly items: ReadItem[];
  /** Everything refused, one line each naming file, line and field. */
  readonly rejected: RejectedItem[];
}

export interface ReadNewsInputsOptions {
  readonly assumeZone: string;
  readonly fetchImpl?: typeof fetch;
  /** Called after each file or URL with (done, total). */
  readonly onRead?: (done: number, total: number) => void;
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/**
 * Reads files, folders (recursive) and http(s) URLs of news into repaired articles, keeping what each parser
 * read (news ingest and news publish share it). Folders are listed (listNewsFilesReport), files read by format
 * (readNewsFile), URLs fetched (fetchNewsUrl), each item built (buildArticleReport).
 * @throws never for bad input: every problem is in `rejected` and in its file's report.
 */
export async function readNewsInputs(inputs: readonly string[], opts: ReadNewsInputsOptions): Promise<ReadNewsInputs> {
  const rejected: RejectedItem[] = [];
  const files: FileReport[] = [];
  const items: ReadItem[] = [];
  const newReport = (path: string, format: string | null = null, encoding: string | null = null): FileReport =>
    ({ path, format, encoding, items: 0, ingested: 0, duplicates: 0, rejected: [], warnings: [] });
  const listed: { path: string; refused?: string }[] = [];
  for (const input of inputs) {
    if (isUrl(input)) listed.push({ path: input });
    else {
      try {
        const l = await listNewsFilesReport(input);
        listed.push(...[...l.files.map((path) => ({ path })), ...l.skipped.map((x) => ({ path: x.path, refused: `${x.path}: ${x.reason}` }))]
          .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
      } catch (e) {
        listed.push({ path: input, refused: (e as Error).message });
      }
    }
  }
  const sources = listed.filter((l) => l.refused === undefined).length;
  let done = 0;
  for (const { path: src, refused } of listed) {
    if (refused !== undefined) {
      const r = { origin: src, reason: refused };
      rejected.push(r);
      files.push({ ...newReport(src), rejected: [r] });
      continue;
    }
    let r: Awaited<ReturnType<typeof readNewsFile>> = { raws: [], rejected: [] };
    if (isUrl(src)) {
      try {
        r = await fetchNewsUrl(src, opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {});
      } catch (e) {
        r = { raws: [], rejected: [{ origin: src, reason: (e as Error).message }] };
      }
    } else {
      r = await readNewsFile(src);
    }
    const report = newReport(src, r.format ?? null, r.encoding ?? null);
    files.push(report);
    report.items = r.raws.length;
    report.rejected.push(...r.rejected);
    report.warnings.push(...(r.warnings ?? []));
    for (const raw of r.raws) {
      try {
        const built = buildArticleReport(raw, { assumeZone: opts.assumeZone });
        items.push({ raw, article: built.article, report });
        report.warnings.push(...built.warnings);
      } catch (e) {
        report.rejected.push({ origin: raw.origin, reason: e instanceof ArticleFieldError
          ? formatInputIssue({ source: raw.origin, field: e.field, ...(e.value !== undefined ? { value: e.value } : {}), reason: e.reason })
          : formatInputIssue({ source: raw.origin, reason: 'could not be read (unexpected structure), skipped' }) });
      }
    }
    rejected.push(...report.rejected);
    opts.onRead?.(++done, sources);
  }
  return { sources, files, items, rejected };
}
