/** One story file as the site sees it (front matter in the seed's layout plus the Markdown body). */
export interface SiteStory {
  /** `hstech-2025-02-07` (file name without language and `.md`). */
  readonly slug: string;
  readonly lang: string;
  readonly title: string;
  /** Front matter date as written, `YYYY-MM-DD HH:MM:SS`. */
  readonly date: string;
  readonly summary: string;
  readonly categories: readonly string[];
  readonly tags: readonly string[];
  readonly translations: readonly string[];
  readonly thumbnail: string;
  readonly body: string;
}

/** Site settings. */
export interface SiteConfig {
  readonly title: string;
  /** Absolute base URL for the RSS feed, e.g. `https://example.org/` (default `/`). */
  readonly baseUrl: string;
  /** Stories in the "recent" widget. */
  readonly recentCount: number;
}

/** Page path of a story, relative to the site root. */
export const storyPath = (s: Pick<SiteStory, 'slug' | 'lang'>): string => `stories/${s.slug}.${s.lang}.html`;
