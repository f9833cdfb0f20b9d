import { STORY_LANGS, type Story, type StoryDocument, type StoryInput, type StoryLang } from '../domain/story.js';
import { SEED_PAGE_SETTINGS } from '../domain/seedLayout.js';
import { checkGates, type GateOptions } from './gates/checkGates.js';
import { checkCatalyst } from './ledger/checkCatalyst.js';
import { checkStoryText } from './ledger/checkStoryText.js';
import { renderEn } from './render/renderEn.js';
import type { RenderedText } from './render/renderedText.js';
import { renderFrontMatter } from './render/renderFrontMatter.js';
import { renderZhHant } from './render/renderZhHant.js';
import { planStory, type PlanOptions } from './select/planStory.js';
import type { StoryPlan } from './select/planTypes.js';

export interface WriteStoryOptions extends PlanOptions, GateOptions {
  /** Languages to write (default both). */
  readonly langs?: readonly StoryLang[];
  /**
   * Extra Markdown lines after the text (chart images); not fact-checked, so they must hold no claims.
   * `src` is one file for every language, or a file per language (each language's own charts).
   */
  readonly figures?: readonly { readonly alt: Readonly<Record<StoryLang, string>>; readonly src: string | Readonly<Record<StoryLang, string>> }[];
  /** Front matter `thumbnail` (default empty): one file, or a file per language. */
  readonly thumbnail?: string | Readonly<Record<StoryLang, string>>;
  /** Byline paragraph (no numbers). */
  readonly byline?: Readonly<Record<StoryLang, string>>;
  /** Keep only the first N paragraphs of the text (the live desk's flash: the lede and one context paragraph, 2). */
  readonly maxParagraphs?: number;
  /** A later version of a story already filed: the title ends in "— Update" (en) / "（更新）" (zh-Hant), as the wire's. */
  readonly update?: boolean;
}

/** The title suffix of a story's later versions, per language. */
export const UPDATE_SUFFIX: Readonly<Record<StoryLang, string>> = { en: ' — Update', 'zh-Hant': '（更新）' };

const RENDER: Record<StoryLang, (p: StoryPlan) => RenderedText> = { en: renderEn, 'zh-Hant': renderZhHant };
const DEFAULT_BYLINE: Record<StoryLang, string> = { en: 'By Indexwire (automated, fact-checked)', 'zh-Hant': 'Indexwire 自動撰寫及核實' };

const perLang = (v: string | Readonly<Record<StoryLang, string>>, lang: StoryLang): string => (typeof v === 'string' ? v : v[lang]);

/** `HSTECH`, `2025-02-07` -> `hstech-2025-02-07`. */
export function storySlug(symbol: string, date: string): string {
  return `${symbol.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${date}`;
}

/**
 * Writes one story in every requested language from one plan and one ledger, runs the sanity gates and
 * the fact checker on every language, and says whether it may be published. Pure: no I/O, no clock.
 * @throws NotEnoughDataError when the symbol has no bar on the session (after the `no_bar` gate names it).
 * @example writeStory(input).documents[0].fileName // 'hstech-2025-02-07.en.md'
 */
export function writeStory(input: StoryInput, opts: WriteStoryOptions = {}): Story {
  const gateFailures = checkGates(input, opts);
  const slug = storySlug(input.symbol, input.date);
  if (gateFailures.some((g) => g.gate === 'no_bar')) {
    return { slug, symbol: input.symbol, date: input.date, headlineFact: 'none', documents: [], ledger: { symbol: input.symbol, date: input.date, entries: [] }, gateFailures, checkIssues: [], publishable: false };
  }
  const { plan, ledger: builder } = planStory(input, opts);
  const ledger = builder.build();
  const langs = opts.langs ?? STORY_LANGS;
  const byline = opts.byline ?? DEFAULT_BYLINE;
  const documents: StoryDocument[] = [];
  const checkIssues = [];
  for (const lang of langs) {
    const full = RENDER[lang](plan);
    const text = {
      title: opts.update ? `${full.title}${UPDATE_SUFFIX[lang]}` : full.title,
      paragraphs: opts.maxParagraphs !== undefined ? full.paragraphs.slice(0, opts.maxParagraphs) : full.paragraphs,
    };
    checkIssues.push(...checkStoryText([text.title, ...text.paragraphs].join('\n'), ledger, lang));
    checkIssues.push(...checkCatalyst(ledger, input.articles, lang, [text.title, ...text.paragraphs].join('\n')));
    const frontMatter = {
      title: text.title,
      date: input.publishedLocal,
      summary: text.paragraphs[0] ?? '',
      categories: ['markets'],
      lang: [lang],
      translations: [...langs],
      tags: [...plan.tags],
      ...SEED_PAGE_SETTINGS,
      thumbnail: perLang(opts.thumbnail ?? '', lang),
    };
    const figures = (opts.figures ?? []).map((f) => `![${f.alt[lang]}](${perLang(f.src, lang)})`);
    const body = [byline[lang], ...text.paragraphs, ...figures].join('\n\n');
    documents.push({ lang, fileName: `${slug}.${lang}.md`, frontMatter, paragraphs: text.paragraphs, markdown: `${renderFrontMatter(frontMatter)}\n\n${body}\n` });
  }
  return {
    slug,
    symbol: input.symbol,
    date: input.date,
    headlineFact: plan.leadKind,
    documents,
    ledger,
    gateFailures,
    checkIssues,
    publishable: gateFailures.length === 0 && checkIssues.length === 0,
  };
}
