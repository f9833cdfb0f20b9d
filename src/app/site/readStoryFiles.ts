import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { formatInputIssue, SourceError } from '../../core/errors.js';
import type { SitePageKind, SiteStory } from '../../stories/site/siteStory.js';
import { articleIdOfUrl } from '../../news/parse/buildArticle.js';

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
  const ledgers = new Set(names.filter((x) => x.endsWith('.ledger.json')));
  const citesOf = new Map<string, string[]>();
  for (const n of names.filter((x) => x.endsWith('.md'))) {
    const file = join(dir, n);
    try {
      const s = parseStoryFile(readFileSync(file, 'utf8'), file);
      const ledger = `${s.slug}.ledger.json`;
      if (ledgers.has(ledger) && !citesOf.has(s.slug)) citesOf.set(s.slug, readCitedArticleIds(join(dir, ledger), issues));
      stories.push({ ...s, cites: citesOf.get(s.slug) ?? [], sourceFile: file });
    } catch (e) {
      issues.push((e as Error).message);
    }
  }
  return { stories, assets: names.filter((x) => /\.(svg|png)$/i.test(x)).map((x) => join(dir, x)), issues };
}

/**
 * The articles a story cites: the ids of the articles its ledger entries come from (`source.series: "article:<id>"`:
 * the catalyst's quotes and dates), in ledger order. A ledger that cannot be read is reported and cites nothing.
 */
export function readCitedArticleIds(file: string, issues: string[]): string[] {
  try {
    const ledger = JSON.parse(readFileSync(file, 'utf8')) as { entries?: unknown };
    if (!Array.isArray(ledger.entries)) throw new Error('no "entries" list');
    const ids: string[] = [];
    for (const e of ledger.entries as { kind?: unknown; source?: { series?: unknown } }[]) {
      const series = e?.source?.series;
      if (typeof series === 'string' && series.startsWith('article:')) ids.push(series.slice('article:'.length));
    }
    return [...new Set(ids)];
  } catch (e) {
    issues.push(`${file}: ledger not read, its citations are not linked (${(e as Error).message.split('\n')[0]})`);
    return [];
  }
}

/** The closing link a republished post ends with (`[rthk](https://...)`), as the news layer's Markdown reader finds it. */
const CLOSING_LINK = /\n[ \t]*\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)[ \t]*\s*$/;

/**
 * Reads the `*.md` posts of a `news publish` folder (not recursive) as site pages of kind `news`: front matter as
 * for stories, and the id of the article each republishes, from its closing link's URL (as `news publish` and the
 * store compute it). A file with bad front matter is reported (file, line, field) and left out.
 * @throws SourceError when the folder cannot be read.
 */
export function readNewsPostFiles(dir: string): ReadStories {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    throw new SourceError(dir, `cannot read news posts folder: ${(e as Error).message}`, false);
  }
  const stories: SiteStory[] = [];
  const issues: string[] = [];
  const kind: SitePageKind = 'news';
  for (const n of names.filter((x) => x.endsWith('.md'))) {
    const file = join(dir, n);
    try {
      const s = parseStoryFile(readFileSync(file, 'utf8'), file);
      const link = CLOSING_LINK.exec(`\n${s.body}`);
      stories.push({ ...s, kind, articleId: link ? articleIdOfUrl(link[2] as string) : null, sourceFile: file });
    } catch (e) {
      issues.push((e as Error).message);
    }
  }
  return { stories, assets: [], issues };
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
