/** What a page of the site is: an Indexwire story, or a republished news post (`news publish`). */
export type SitePageKind = 'story' | 'news';

/** One story file, or one republished news post, as the site sees it (front matter in the seed's layout plus the Markdown body). */
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
  /** `story` (default) or `news`: a news post's page is under `news/`, a story's under `stories/`. */
  readonly kind?: SitePageKind;
  /** News posts: the id of the article republished (the news layer's id of the closing link's URL); null without a link. */
  readonly articleId?: string | null;
  /** Stories: the ids of the articles the story cites (its ledger's quotes), in ledger order. */
  readonly cites?: readonly string[];
  /** The Markdown file the page was read from. */
  readonly sourceFile?: string;
}

/** Site settings. */
export interface SiteConfig {
  readonly title: string;
  /** Absolute base URL for the RSS feed, e.g. `https://example.org/` (default `/`). */
  readonly baseUrl: string;
  /** Stories in the "recent" widget. */
  readonly recentCount: number;
}

/** Folder of a page kind from the site root: `stories/` or `news/`. */
export const pageFolder = (kind: SitePageKind | undefined): string => (kind === 'news' ? 'news/' : 'stories/');

/** Page path of a story or news post, relative to the site root: `stories/<slug>.<lang>.html`, `news/<slug>.<lang>.html`. */
export const storyPath = (s: Pick<SiteStory, 'slug' | 'lang' | 'kind'>): string => `${pageFolder(s.kind)}${s.slug}.${s.lang}.html`;

/** The site's map of article id -> its news post pages (`{"<id>": ["news/<post>.en.html"]}`), for the dashboard's news links. */
export const SITE_POSTS_FILE = 'posts.json';
