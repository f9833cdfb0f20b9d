import { createHash } from 'node:crypto';
import type { Article } from '../../domain/article.js';
import { canonicalUrl } from '../repair/canonicalUrl.js';
import { normalizeLine, normalizeText } from '../repair/normalizeText.js';
import { minhashSignature } from '../dedupe/minhash.js';
import { parsePublishedDate } from './parsePublishedDate.js';

/** What a format parser extracts, before repair. Text fields may still hold mojibake and entities. */
export interface RawArticle {
  readonly title: string;
  readonly body: string;
  /** The date as written, or null when the source gave none. */
  readonly dateText: string | null;
  readonly url?: string | null;
  readonly source: string;
  readonly language?: string | null;
  readonly categories?: readonly string[];
  readonly tags?: readonly string[];
  readonly summary?: string | null;
  /** Sanitised HTML (callers run sanitizeArticleHtml first). */
  readonly bodyHtml?: string | null;
  readonly format: string;
  /** File path or URL; item position for feeds (`feed.xml#item3`). */
  readonly origin: string;
  /** Markdown inputs only: what republishing needs of the file as written (news publish). */
  readonly markdown?: MarkdownSource;
}

/** A Markdown article as written: body, front matter, and the closing source link (`[morningstar](https://...)`). */
export interface MarkdownSource {
  /** The body after the front matter, unchanged except that the closing link (when there is one) is cut off. */
  readonly body: string;
  readonly frontMatter: Readonly<Record<string, unknown>>;
  /** The lone link the body ends with: its text, URL, and the Markdown exactly as written; null when none. */
  readonly closingLink: { readonly text: string; readonly url: string; readonly markdown: string } | null;
}

/** Longest title kept, in characters after repair: a headline is under 200; more is a body or junk in the title field. */
export const MAX_TITLE_CHARS = 500;

export interface BuildOptions {
  /** Zone for dates written without offset (IANA). */
  readonly assumeZone: string;
}

/** Why a raw article was refused: the field and the reason. */
export class ArticleFieldError extends Error {
  constructor(
    readonly field: string,
    readonly value: string | undefined,
    readonly reason: string,
  ) {
    super(`field "${field}": ${value === undefined ? '' : `value "${value.slice(0, 80)}" `}${reason}`);
  }
}

/**
 * Turns a parsed item into a repaired Article: text normalised (mojibake, entities, quotes, whitespace),
 * URL canonical (tracking parameters stripped), publisher name shortened (publisherName), date parsed with its offset (original text kept), MinHash signature
 * computed. `id` = first 16 hex digits of SHA-256 of the canonical URL, or of `source|title|publishedAt`
 * when there is no URL.
 * @throws ArticleFieldError when the title is empty or longer than MAX_TITLE_CHARS, or the date missing or unparsable (an empty
 *   body is allowed: headline-only feed items).
 */
export function buildArticle(raw: RawArticle, opts: BuildOptions): Article {
  return buildArticleReport(raw, opts).article;
}

/**
 * buildArticle with what was kept despite a slip (a wrong weekday), one line each.
 * @throws ArticleFieldError as buildArticle.
 */
export function buildArticleReport(raw: RawArticle, opts: BuildOptions): { article: Article; warnings: string[] } {
  const title = normalizeLine(raw.title);
  if (title === '') throw new ArticleFieldError('title', undefined, 'missing or empty');
  if (title.length > MAX_TITLE_CHARS) {
    throw new ArticleFieldError('title', title, `${title.length} characters (limit ${MAX_TITLE_CHARS}): not a headline`);
  }
  const body = normalizeText(raw.body);
  if (raw.dateText === null || raw.dateText.trim() === '') throw new ArticleFieldError('date', undefined, 'missing');
  let date;
  try {
    date = parsePublishedDate(raw.dateText, opts.assumeZone);
  } catch (e) {
    throw new ArticleFieldError('date', raw.dateText, (e as Error).message);
  }
  const url = raw.url ? canonicalUrl(raw.url) : null;
  const source = publisherName(normalizeLine(raw.source)) || 'unknown';
  const id = sha16(url ?? `${source}|${title}|${date.publishedAt}`);
  const summary = raw.summary ? normalizeText(raw.summary) : '';
  const clean = (xs: readonly string[] | undefined) =>
    [...new Set((xs ?? []).map(normalizeLine).filter((x) => x !== ''))];
  const article: Article = {
    id,
    url,
    title,
    body,
    publishedAt: date.publishedAt,
    publishedMs: date.publishedMs,
    source,
    language: normalizeLine(raw.language ?? '') || 'und',
    categories: clean(raw.categories),
    tags: clean(raw.tags),
    origin: raw.origin,
    duplicateOf: null,
    publishedAtText: date.publishedAtText,
    format: raw.format,
    minhash: minhashSignature(`${title}\n${body}`),
  };
  return {
    article: {
      ...article,
      ...(date.timeZoneAssumed !== undefined ? { timeZoneAssumed: date.timeZoneAssumed } : {}),
      ...(summary !== '' ? { summary } : {}),
      ...(raw.bodyHtml ? { bodyHtml: raw.bodyHtml } : {}),
    },
    warnings: date.warning !== undefined ? [`${raw.origin}: field "date": ${date.warning}`] : [],
  };
}

/**
 * A publisher written as "ACRONYM (Long name), description" is stored as the acronym:
 * "RTHK (Radio Television Hong Kong), English finance news" -> "RTHK". Other names are kept as written.
 */
export function publisherName(source: string): string {
  const m = /^([A-Z][A-Z0-9&.]{1,9})\s*\(/.exec(source);
  return m ? (m[1] ?? source) : source;
}

/**
 * The id of the article at a URL, as buildArticle gives it: the first 16 hex digits of SHA-256 of the canonical URL
 * (tracking parameters stripped); null when it is not an http(s) URL. The site joins stories to republished posts by it.
 */
export function articleIdOfUrl(url: string): string | null {
  const canonical = canonicalUrl(url);
  return canonical === null ? null : sha16(canonical);
}

function sha16(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}
