import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { formatInputIssue, SourceError } from '../../core/errors.js';
import type { StoryPage } from './deskService.js';

export interface StoryFolder {
  /** Newest first (by front matter date, then slug, then language). */
  readonly stories: readonly StoryPage[];
  /** One line per file that could not be read: `file: field "x": reason`. */
  readonly issues: readonly string[];
}

const LANG_SUFFIX = /\.(en|zh-Hant|zh-Hans|[a-z]{2})$/;

/**
 * Reads the story Markdown files (YAML front matter in the seed's layout) of `dir`, recursively.
 * The slug is the file name without `.md` and without a language suffix (`hstech-2025-02-07.en.md`
 * -> `hstech-2025-02-07`); the language is front matter `lang` (first entry), else the suffix, else `en`.
 * Files that do not parse are reported in `issues` and left out; the others are kept.
 * @throws SourceError when `dir` cannot be read.
 */
export function readStoryFolder(dir: string): StoryFolder {
  let files: string[];
  try {
    files = listMarkdown(dir);
  } catch (e) {
    throw new SourceError(dir, `cannot read stories folder: ${(e as Error).message}`, false);
  }
  const stories: StoryPage[] = [];
  const issues: string[] = [];
  for (const f of files) {
    try {
      const parsed = matter(readFileSync(f, 'utf8'));
      const fm = parsed.data as Record<string, unknown>;
      const base = (f.split(/[\\/]/).pop() ?? f).replace(/\.md$/i, '');
      const suffix = LANG_SUFFIX.exec(base)?.[1];
      const lang = first(fm.lang) ?? suffix ?? 'en';
      const title = text(fm.title);
      if (title === '') throw new Error('field "title": missing');
      stories.push({
        slug: suffix !== undefined ? base.slice(0, -suffix.length - 1) : base,
        lang,
        title,
        date: fm.date instanceof Date ? fm.date.toISOString() : text(fm.date),
        summary: text(fm.summary),
        translations: list(fm.translations),
        tags: list(fm.tags),
        categories: list(fm.categories),
        body: parsed.content.trim(),
      });
    } catch (e) {
      issues.push(formatInputIssue({ source: f, reason: (e as Error).message.split('\n')[0] ?? 'unreadable' }));
    }
  }
  stories.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.slug.localeCompare(b.slug) || a.lang.localeCompare(b.lang)));
  return { stories, issues };
}

function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...listMarkdown(p));
    else if (/\.md$/i.test(n)) out.push(p);
  }
  return out;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(text).filter((s) => s !== '') : typeof v === 'string' && v !== '' ? [v] : []);
const first = (v: unknown): string | undefined => list(v)[0];
