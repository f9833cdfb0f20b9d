import type { SeedFrontMatter } from './seedLayout.js';

/**
 * One article ready to be republished as a post in the seed's layout (news publish): the news layer prepares it
 * (repair, body, language, source name), the stories layer renders it (stories/render/renderNewsPost).
 */
export interface NewsPostSource {
  /** The article's id (news layer: hash of the canonical URL, or of source, title and date). */
  readonly articleId: string;
  /** The headline as published, repaired (mojibake, entities decoded once, whitespace): nothing else changed. */
  readonly title: string;
  /** Publication time in the desk's zone, `YYYY-MM-DD HH:MM:SS` (front matter `date`, as stories have it). */
  readonly date: string;
  /** Language tag of the post (`en`, `zh-Hant`, `zh-Hans`). */
  readonly lang: string;
  /** The source's short name: categories, first tag and the closing link's text (`rthk`, `morningstar`). */
  readonly sourceName: string;
  /** Canonical URL of the article, or null. */
  readonly url: string | null;
  /**
   * The body as published when it came as Markdown (repaired, closing link cut off); null when the body is plain
   * text (feeds, HTML pages, text files, the store, or Markdown that carried raw HTML), which the renderer escapes.
   */
  readonly bodyMarkdown: string | null;
  /** The body as plain text, paragraphs separated by blank lines (the summary's words; the text body). */
  readonly bodyText: string;
  /** The closing link the source's body already ends with, exactly as written: kept, and no second one added. */
  readonly closingLink: string | null;
  /** Security ids the article names (entity links), in order of first mention: tags after the source's. */
  readonly securities: readonly string[];
  /**
   * The front matter of an input that already is in the seed's layout: its taxonomy (categories, tags, lang,
   * translations) and page settings are the publisher's and are kept; null for everything else.
   */
  readonly layout: SeedFrontMatter | null;
}

/** A rendered post. */
export interface NewsPost {
  readonly articleId: string;
  /** `2025-02-07-deepseek-breakthrough-fuels-rally-in-chinese-tech-stocks-update.en.md`. */
  readonly fileName: string;
  readonly frontMatter: SeedFrontMatter;
  /** The whole file. */
  readonly markdown: string;
}
