import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { formatInputIssue, SourceError } from '../../core/errors.js';
import type { SiteStory } from '../../stories/site/siteStory.js';

export interface ReadStories {
  readonly stories: SiteStory[];
  /** Chart and thumbnail files (svg, png) found beside the stories. */
  readonly assets: string[];
  /** One line per file left out: `file:line: field "x": reason`. */
  readonly issues: string[];
}

const LANG_SUFFIX = /^(.*)\.(en|zh-Hant|zh-Hans|[a-z]{2}(?:-[A-Za-z]+)?)$/;

/**
 * Reads the `*.md` stories of a folder (not recursive): YAML front matter between `---` fences in the
 * seed's layout, then the body. A file with bad front matter is reported (file, line, field) and left out;
 * the others are kept.
 * @throws SourceError when the folder cannot be read.
 */
export function readStoryFiles(dir: string): ReadStories {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    throw new SourceError(dir, `cannot read stories folder: ${(e as Error).message}`, false);
  }
  const stories: SiteStory[] = [];
  const issues: string[] = [];
  for (const n of names.filter((x) => x.endsWith('.md'))) {
    const file = join(dir, n);
    try {
      stories.push(parseStoryFile(readFileSync(file, 'utf8'), file));
    } catch (e) {
      issues.push((e as Error).message);
    }
  }
  return { stories, assets: names.filter((x) => /\.(svg|png)$/i.test(x)).map((x) => join(dir, x)), issues };
}

/** Parses one story file. @throws Error whose message names file, line and field. */
export function parseStoryFile(text: string, file: string): SiteStory {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''));
  if (!m) throw new Error(formatInputIssue({ source: file, line: 1, reason: 'no front matter (expected --- fences)' }));
  let fm: Record<string, unknown>;
  try {
    fm = (parseYaml(m[1] as string) ?? {}) as Record<string, unknown>;
  } catch (e) {
    const line = e instanceof YAMLParseError ? (e.linePos?.[0]?.line ?? 0) + 1 : 1;
    throw new Error(formatInputIssue({ source: file, line, reason: `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}` }));
  }
  const fmLine = (key: string) => 2 + (m[1] as string).split(/\r?\n/).findIndex((l) => l.startsWith(`${key}:`));
  const str = (key: string, required: boolean): string => {
    const v = fm[key];
    if (v === undefined || v === null || v === '') {
      if (required) throw new Error(formatInputIssue({ source: file, line: 2, field: key, reason: 'missing' }));
      return '';
    }
    if (typeof v !== 'string') throw new Error(formatInputIssue({ source: file, line: fmLine(key), field: key, value: String(v), reason: 'must be a quoted string' }));
    return v;
  };
  const list = (key: string): string[] => {
    const v = fm[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(formatInputIssue({ source: file, line: fmLine(key), field: key, reason: 'must be a list of strings' }));
    return v as string[];
  };
  const date = str('date', true);
  if (!/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(date)) throw new Error(formatInputIssue({ source: file, line: fmLine('date'), field: 'date', value: date, reason: 'expected "YYYY-MM-DD HH:MM:SS"' }));
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.md$/, '');
  const suffix = LANG_SUFFIX.exec(base);
  const lang = list('lang')[0] ?? suffix?.[2] ?? 'en';
  const slug = (suffix ? (suffix[1] as string) : base).replace(/[^A-Za-z0-9._-]/g, '-');
  return {
    slug,
    lang: lang.replace(/[^A-Za-z-]/g, ''),
    title: str('title', true),
    date,
    summary: str('summary', false),
    categories: list('categories'),
    tags: list('tags'),
    translations: list('translations'),
    thumbnail: str('thumbnail', false),
    body: (m[2] as string).trim(),
  };
}
