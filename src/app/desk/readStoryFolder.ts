import { basename } from 'node:path';
import { readStoryFiles } from '../site/readStoryFiles.js';
import type { StoryPage } from './deskService.js';

export interface StoryFolder {
  /** Newest first (by front matter date, then slug, then language). */
  readonly stories: readonly StoryPage[];
  /** One line per file left out: `file:line: field "x": reason`. */
  readonly issues: readonly string[];
  /** Chart files beside the stories (`.svg`, `.png`): file name -> path. */
  readonly assets: ReadonlyMap<string, string>;
}

/**
 * The stories of `dir` for the desk, read by the static site's reader (app/site/readStoryFiles: same
 * slug and language rules as the site: `hstech-2025-02-07.en.md` -> slug `hstech-2025-02-07`, lang `en`).
 * Files with bad front matter are reported in `issues` and left out; the others are kept.
 * @throws SourceError when `dir` cannot be read.
 */
export function readStoryFolder(dir: string): StoryFolder {
  const read = readStoryFiles(dir);
  const stories: StoryPage[] = read.stories.map((s) => ({
    slug: s.slug,
    lang: s.lang,
    title: s.title,
    date: s.date,
    summary: s.summary,
    translations: s.translations,
    tags: s.tags,
    categories: s.categories,
    body: s.body.trim(),
  }));
  stories.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.slug.localeCompare(b.slug) || a.lang.localeCompare(b.lang)));
  return { stories, issues: read.issues, assets: new Map(read.assets.map((p) => [basename(p), p])) };
}
