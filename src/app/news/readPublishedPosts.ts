import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../domain/article.js';
import { buildArticle } from '../../news/parse/buildArticle.js';
import { parseMarkdownArticle } from '../../news/parse/parseMarkdownArticle.js';

/** A post already in the output folder, read back as the article it republishes. */
export interface PublishedPost {
  readonly file: string;
  /** The file's text, to tell an unchanged post from one to rewrite. */
  readonly text: string;
  /** Its article: the id comes from the closing link's URL, as the store's does from the article's URL. */
  readonly article: Article;
}

/**
 * Reads the `*.md` posts of a folder (not recursive; a missing folder has none). A file that is not a readable
 * article is listed in `issues` and otherwise left alone: news publish never overwrites or deletes it.
 * @throws never.
 */
export function readPublishedPosts(dir: string, assumeZone: string): { posts: PublishedPost[]; issues: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return { posts: [], issues: [] };
  }
  const posts: PublishedPost[] = [];
  const issues: string[] = [];
  for (const file of names) {
    const path = join(dir, file);
    try {
      const text = readFileSync(path, 'utf8');
      posts.push({ file, text, article: buildArticle(parseMarkdownArticle(text, path), { assumeZone }) });
    } catch (e) {
      issues.push(`${path}: not read as a post (${(e as Error).message}); left as it is`);
    }
  }
  return { posts, issues };
}
