import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { Article } from '../../domain/article.js';
import type { NewsPost } from '../../domain/newsPost.js';
import type { RawArticle } from '../../news/parse/buildArticle.js';
import { planPublication, uniqueFileNames } from '../../news/publish/planPublication.js';
import { preparePost } from '../../news/publish/preparePost.js';
import type { RejectedItem } from '../../sources/newsFiles/readNewsFile.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import { renderNewsPost } from '../../stories/render/renderNewsPost.js';
import { createEntityLinker, DEFAULT_SECURITY_MASTER_PATH } from '../securityMaster.js';
import { DEFAULT_NEWS_ZONE } from './loadArticles.js';
import { readNewsInputs } from './readNewsInputs.js';
import { readPublishedPosts } from './readPublishedPosts.js';
import { boundMs } from './search.js';
import { ensureOutputDir } from '../ensureOutputDir.js';

export interface PublishNewsOptions {
  readonly outDir: string;
  /** Files, folders (recursive) and http(s) URLs of news; or `store`. */
  readonly inputs?: readonly string[];
  /** What is stored (`--db`): articles that duplicate another are left out, as the store marks them. */
  readonly store?: NewsStore;
  /** `YYYY-MM-DD` (that day in `zone`) or an ISO time; inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** The desk's zone: dates without an offset are read in it, and post dates are written in it (default Asia/Hong_Kong). */
  readonly zone?: string;
  /** Security master for the tags of the securities an article names (default data/securities.yaml). */
  readonly securityMasterPath?: string;
  readonly fetchImpl?: typeof fetch;
  /** Called per file or URL read (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One post of the run (`news publish --json` `posts`). */
export interface PublishedPostReport {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly date: string;
  readonly url: string | null;
  readonly origin: string;
  /** `new`: file written; `updated`: its file rewritten (the article's text or the renderer changed); `unchanged`. */
  readonly status: 'new' | 'updated' | 'unchanged';
}

export interface PublishNewsSummary {
  /** The output folder. */
  readonly out: string;
  /** Articles read from the inputs or the store, within --from/--to. */
  readonly articles: number;
  readonly written: number;
  readonly unchanged: number;
  readonly posts: readonly PublishedPostReport[];
  /** Articles not published because they are published already or duplicate another (see planPublication). */
  readonly duplicates: readonly { readonly id: string; readonly origin: string; readonly reason: string; readonly duplicateOf: string }[];
  readonly rejected: readonly RejectedItem[];
  /** Files of the folder that could not be read as posts (left as they are). */
  readonly issues: readonly string[];
}

/**
 * `indexwire news publish`: one Hugo post per article in the seed's layout (news/publish/preparePost, then
 * stories/render/renderNewsPost), into `outDir`, never twice for one article (planPublication against the posts
 * already there). Tags name the securities each article links (entity linker over the security master).
 * Each file is written under a temporary name and renamed; a post whose text is unchanged is not rewritten, nor is
 * a post already there when the article comes from the store (which keeps only its repaired plain text).
 * @throws InputError for a bad --from/--to, or neither inputs nor a store; SourceError from the store.
 */
export async function publishNews(o: PublishNewsOptions): Promise<PublishNewsSummary> {
  const zone = o.zone ?? DEFAULT_NEWS_ZONE;
  const fromMs = o.from !== undefined ? boundMs(o.from, zone, 'from', 'news publish') : -Infinity;
  const toMs = o.to !== undefined ? boundMs(o.to, zone, 'to', 'news publish') : Infinity;
  if (fromMs > toMs) throw new InputError({ source: 'news publish', field: 'from', value: o.from ?? '', reason: `is after --to ${o.to ?? ''}` });
  let items: { raw: RawArticle | null; article: Article }[];
  let rejected: RejectedItem[] = [];
  if (o.store) {
    items = (await o.store.listArticles({ ...(o.from !== undefined ? { fromMs } : {}), ...(o.to !== undefined ? { toMs } : {}) })).map((article) => ({ raw: null, article }));
  } else if (o.inputs && o.inputs.length > 0) {
    const read = await readNewsInputs(o.inputs, { assumeZone: zone, ...(o.fetchImpl ? { fetchImpl: o.fetchImpl } : {}), ...(o.onProgress ? { onRead: o.onProgress } : {}) });
    items = read.items.filter((i) => i.article.publishedMs >= fromMs && i.article.publishedMs <= toMs);
    rejected = read.rejected;
  } else {
    throw new InputError({ source: 'news publish', field: 'inputs', reason: 'give files, folders or URLs of news, or --db FILE' });
  }
  items.sort((a, b) => a.article.publishedMs - b.article.publishedMs || (a.article.id < b.article.id ? -1 : 1));

  const existing = readPublishedPosts(o.outDir, zone);
  const existingByFile = new Map(existing.posts.map((p) => [p.file, p]));
  const decisions = planPublication(
    items.map(({ article: a }) => ({ id: a.id, url: a.url, publishedMs: a.publishedMs, minhash: a.minhash, textLength: a.body.length, origin: a.origin })),
    existing.posts.map((p) => ({ id: p.article.id, url: p.article.url, publishedMs: p.article.publishedMs, minhash: p.article.minhash, textLength: p.article.body.length, file: p.file })),
  );
  const linker = createEntityLinker(o.securityMasterPath ?? DEFAULT_SECURITY_MASTER_PATH);
  const chosen: { post: NewsPost; origin: string; url: string | null; file: string | null; fromStore: boolean }[] = [];
  const duplicates: PublishNewsSummary['duplicates'][number][] = [];
  decisions.forEach((d, i) => {
    if (d.action === 'skip') {
      duplicates.push({ id: d.id, origin: d.origin, reason: d.reason, duplicateOf: d.duplicateOf });
      return;
    }
    const { raw, article } = items[i] as { raw: RawArticle | null; article: Article };
    const post = renderNewsPost(preparePost({ article, raw, securities: linker.securitiesIn(`${article.title}\n\n${article.body}`), zone }));
    chosen.push({ post, origin: article.origin, url: article.url, file: d.file, fromStore: raw === null });
  });
  const names = uniqueFileNames(
    chosen.map((c) => ({ id: c.post.articleId, fileName: c.file ?? c.post.fileName })),
    new Map(existing.posts.map((p) => [p.file, p.article.id])),
  );
  ensureOutputDir(o.outDir);
  const posts: PublishedPostReport[] = [];
  let written = 0;
  chosen.forEach((c, i) => {
    const file = names[i] as string;
    const before = existingByFile.get(file);
    // from the store only the repaired text is known: a post written from the article's own file is kept as it is
    const status = before === undefined ? 'new' : before.text === c.post.markdown || c.fromStore ? 'unchanged' : 'updated';
    if (status !== 'unchanged') {
      const tmp = join(o.outDir, `.${file}.tmp-${process.pid}`);
      writeFileSync(tmp, c.post.markdown);
      renameSync(tmp, join(o.outDir, file));
      written++;
    }
    posts.push({ id: c.post.articleId, file, title: c.post.frontMatter.title, date: c.post.frontMatter.date, url: c.url, origin: c.origin, status });
  });
  return { out: o.outDir, articles: items.length, written, unchanged: posts.length - written, posts, duplicates, rejected, issues: existing.issues };
}
