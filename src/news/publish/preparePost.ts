import { DateTime } from 'luxon';
import type { Article } from '../../domain/article.js';
import type { NewsPostSource } from '../../domain/newsPost.js';
import { readSeedLayout } from '../../domain/seedLayout.js';
import type { RawArticle } from '../parse/buildArticle.js';
import { markdownToText } from '../parse/parseMarkdownArticle.js';
import { repairPostLine, repairPostText } from './repairPostText.js';

export interface PreparePostInput {
  /** The article as built by the news layer (id, URL, date, source, language). */
  readonly article: Article;
  /** What the format parser read, before repair; null for an article from the store (only its repaired text is kept). */
  readonly raw: RawArticle | null;
  /** Securities the article names (entity links), in order of first mention. */
  readonly securities: readonly string[];
  /** The desk's zone: the post's `date` is the publication time there (stories use the same). */
  readonly zone: string;
}

/** Raw HTML in a Markdown body: such a body is republished as its text, never as markup. */
const HTML_TAG = /<[a-zA-Z!/?]/;

/**
 * Decides what a republished post says, from the article as read:
 * - title: the headline as written, repaired (repairPostLine: mojibake, whitespace; entities were decoded once by the
 *   parser), quotes and dashes kept;
 * - body: a Markdown article's body as written (repairPostText), its closing source link kept as written; a body
 *   with raw HTML in it, and every other format, as plain text (the renderer escapes it). From the store, the
 *   stored text (already repaired, links and emphasis reduced to text);
 * - date: the publication instant in `zone`, `YYYY-MM-DD HH:MM:SS`;
 * - lang: postLang; source name: sourceShortName;
 * - layout: the front matter when the input already is in the seed's layout (readSeedLayout).
 * @throws never.
 */
export function preparePost(input: PreparePostInput): NewsPostSource {
  const { article, raw } = input;
  const md = raw?.markdown;
  let bodyMarkdown: string | null = null;
  let bodyText: string;
  if (md) {
    const repaired = repairPostText(md.body);
    if (!HTML_TAG.test(repaired)) bodyMarkdown = repaired;
    bodyText = repairPostText(markdownToText(repaired));
  } else {
    bodyText = raw ? repairPostText(raw.body) : article.body;
  }
  const title = raw ? repairPostLine(raw.title) || article.title : article.title;
  return {
    articleId: article.id,
    title,
    date: DateTime.fromMillis(article.publishedMs, { zone: input.zone }).toFormat('yyyy-MM-dd HH:mm:ss'),
    lang: postLang(article.language, `${title}\n${bodyText.slice(0, 500)}`),
    sourceName: sourceShortName(article.source),
    url: article.url,
    bodyMarkdown,
    bodyText,
    closingLink: md?.closingLink?.markdown ?? null,
    securities: input.securities,
    layout: md ? readSeedLayout(md.frontMatter) : null,
  };
}

/**
 * The source as a short lower-case name for categories, tags and the closing link:
 * `RTHK` -> `rthk`, `morningstar` -> `morningstar`, `Indexwire demo (simulated)` -> `indexwire-demo-simulated`.
 * @throws never.
 */
export function sourceShortName(source: string): string {
  const s = source.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return s === '' ? 'news' : s;
}

const HAN = /\p{Script=Han}/u;

/**
 * The post's language from the article's: its primary subtag (`en-US` -> `en`), with Chinese by script or region
 * (`zh-HK`, `zh-TW`, `zh-MO`, `zh-Hant` -> `zh-Hant`; `zh-CN`, `zh-SG`, `zh-Hans` -> `zh-Hans`; `zh` as is). An unknown
 * language (`und`) is `zh` when the headline or the body's start has Chinese characters, else `en`.
 * @example postLang('zh-HK', '') // 'zh-Hant'
 * @throws never.
 */
export function postLang(language: string, sample: string): string {
  const parts = language.trim().replace(/_/g, '-').split('-').filter((p) => p !== '');
  const primary = (parts[0] ?? 'und').toLowerCase();
  if (primary === 'und' || !/^[a-z]{2,3}$/.test(primary)) return HAN.test(sample) ? 'zh' : 'en';
  if (primary !== 'zh') return primary;
  const rest = parts.slice(1).map((p) => p.toLowerCase());
  if (rest.some((p) => p === 'hant' || p === 'hk' || p === 'tw' || p === 'mo')) return 'zh-Hant';
  if (rest.some((p) => p === 'hans' || p === 'cn' || p === 'sg')) return 'zh-Hans';
  return 'zh';
}
