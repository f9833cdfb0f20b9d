import { parseDocument } from 'yaml';
import { decodeEntities } from '../repair/decodeEntities.js';
import { htmlToText } from '../sanitize/htmlToText.js';
import type { RawArticle } from './buildArticle.js';
import { FormatError } from './formatError.js';

const FRONT_MATTER = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Parses a Markdown article with YAML front matter (Hugo/Jekyll layout) into a RawArticle.
 * Fields read (first present wins): title; date | publishDate | published | pubDate; url | link | canonical;
 * source | publisher | author; language | lang (a list takes its first item); categories | category; tags;
 * summary | description. The YAML is read by the `yaml` library with the core schema, so dates stay the exact
 * text written.
 * When there is no url and the body ends with a lone Markdown link (`[morningstar](https://...)`, the Hugo
 * "source link" layout of the seed), that link is the URL and its text the source. Without any source the
 * first category, then the URL host, is used. `markdown` keeps the body as written (without that closing link),
 * the front matter and the link, for republishing (news publish).
 * The body becomes plain text: links keep their text, images and heading/emphasis markers go, raw HTML is
 * stripped with its scripts (htmlToText).
 * @throws FormatError (with a 1-based line) for missing or broken front matter or a non-text field.
 */
export function parseMarkdownArticle(text: string, origin: string): RawArticle {
  const m = FRONT_MATTER.exec(text);
  if (!m) throw new FormatError('front matter', 1, 'no YAML front matter (file must start with a "---" line)');
  const yamlText = m[1] ?? '';
  const fm: unknown = parseFullYaml(yamlText);
  if (fm === null || typeof fm !== 'object' || Array.isArray(fm)) {
    throw new FormatError('front matter', 2, 'front matter is not a mapping of fields');
  }
  const rec = fm as Record<string, unknown>;
  const lineOf = (key: string): number => {
    const idx = yamlText.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return idx < 0 ? 1 : idx + 2;
  };
  const str = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = rec[k];
      if (v === undefined || v === null || v === '') continue;
      if (Array.isArray(v) && v.length > 0 && typeof v[0] === 'string') return v[0];
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      throw new FormatError(k, lineOf(k), `expected text, got ${Array.isArray(v) ? 'a list' : typeof v}`);
    }
    return null;
  };
  const list = (...keys: string[]): string[] => {
    for (const k of keys) {
      const v = rec[k];
      if (v === undefined || v === null || v === '') continue;
      if (typeof v === 'string') return [v];
      if (Array.isArray(v)) return v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String);
      throw new FormatError(k, lineOf(k), 'expected text or a list of text');
    }
    return [];
  };
  let body = text.slice(m[0].length);
  let url = str('url', 'link', 'canonical', 'canonicalURL');
  let source = str('source', 'publisher', 'author');
  const tail = /\n[ \t]*\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)[ \t]*\s*$/.exec(`\n${body}`);
  const markdown = {
    body: tail ? `\n${body}`.slice(0, tail.index).replace(/^\n/, '') : body,
    frontMatter: rec,
    closingLink: tail ? { text: tail[1] as string, url: tail[2] as string, markdown: (tail[0] as string).trim() } : null,
  };
  if (tail && url === null) {
    url = tail[2] ?? null;
    source ??= tail[1] ?? null;
    body = `\n${body}`.slice(0, tail.index);
  }
  const categories = list('categories', 'category');
  if (source === null) source = categories[0] ?? (url ? hostOf(url) : null);
  const title = str('title');
  if (title === null) throw new FormatError('title', lineOf('title'), 'missing');
  // Markdown text may carry HTML character references; they are decoded here, once (normalizeText does not)
  const summary = str('summary', 'description');
  return {
    title: decodeEntities(title),
    body: markdownToText(body),
    dateText: str('date', 'publishDate', 'published', 'pubDate'),
    url,
    source: decodeEntities(source ?? 'unknown'),
    language: str('language', 'lang'),
    categories: categories.map(decodeEntities),
    tags: list('tags', 'keywords').map(decodeEntities),
    summary: summary === null ? null : decodeEntities(summary),
    format: 'markdown',
    origin,
    markdown,
  };
}

/** The `yaml` library, core schema (dates stay text). @throws FormatError with the line of the first error. */
function parseFullYaml(yamlText: string): unknown {
  const doc = parseDocument(yamlText, { schema: 'core', prettyErrors: false, uniqueKeys: false });
  const err = doc.errors[0];
  if (err) {
    const line = yamlText.slice(0, err.pos[0]).split('\n').length + 1; // +1 for the opening "---"
    throw new FormatError('front matter', line, `invalid YAML: ${err.message.split('\n')[0]}`);
  }
  try {
    // aliases: an unresolved one throws a ReferenceError, a bomb expands without end; a front matter needs neither
    return doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    const alias = /\*[^\s,\]}]+/.exec(yamlText);
    const line = alias ? yamlText.slice(0, alias.index).split('\n').length + 1 : 2; // +1 for the opening "---"
    throw new FormatError('front matter', line, `invalid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

/**
 * Markdown to plain text, enough for news bodies; character references decoded once. Raw HTML is converted one
 * blank-line separated block at a time, as CommonMark reads HTML blocks and paragraphs: an unclosed `<svg>` or
 * `<style>` in one paragraph cannot swallow the paragraphs after it.
 * @throws never.
 */
export function markdownToText(md: string): string {
  let s = md;
  const html = /<[a-zA-Z!/]/.test(s);
  if (html) s = s.split(/(\n[ \t]*\n)/).map((block, i) => (i % 2 === 1 || !/<[a-zA-Z!/]/.test(block) ? decodeEntities(block) : htmlToText(block))).join(''); // htmlToText decodes the references itself
  s = s.replace(/!\[[^\]]*\]\([^)]*\)/g, '');
  s = s.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  s = s.replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '');
  s = s.replace(/^[ \t]{0,3}>[ \t]?/gm, '');
  s = s.replace(/(\*\*|__)(?=\S)((?:(?!\n[ \t]*\n)[\s\S])*?\S)\1/g, '$2'); // strong emphasis never spans paragraphs
  return html ? s : decodeEntities(s);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
