import { InputError } from '../../core/errors.js';
import type { Article, EntityLink } from '../../domain/article.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import { ThemeDetector, type DetectedTheme, type InstitutionMention } from '../../news/themes/ThemeDetector.js';
import { createEntityLinker, loadSecurityMaster } from '../securityMaster.js';
import { DEFAULT_NEWS_ZONE, loadArticlesFromPath } from './loadArticles.js';
import { boundMs } from './search.js';

/** One link as printed by `news entities`: the EntityLink plus the security's name and the text as written. */
export interface EntityLinkView extends EntityLink {
  readonly name: string;
  /** The matched text as it appears in the article (the alias is as written in the master). */
  readonly text: string;
}

export interface ArticleEntities {
  readonly id: string;
  readonly title: string;
  readonly publishedAt: string;
  readonly origin: string;
  /** Offsets are UTF-16 code units into `title + "\n\n" + body`. */
  readonly offsetsInto: 'title + "\\n\\n" + body';
  readonly links: readonly EntityLinkView[];
  /** Distinct securities with their mention counts, in order of first mention. */
  readonly securities: readonly { id: string; name: string; mentions: number }[];
  readonly themes: readonly DetectedTheme[];
  readonly institutions: readonly InstitutionMention[];
}

/**
 * Reads a news file (any format the ingest reads; an RSS file gives several articles) and links each article to
 * the security master, with themes and analyst/bank mentions.
 * @throws SourceError when the path does not exist. Unreadable items are returned in `rejected`.
 */
export async function entitiesOfFile(path: string): Promise<{ articles: ArticleEntities[]; rejected: { origin: string; reason: string }[] }> {
  const { articles, rejected } = await loadArticlesFromPath(path);
  return { rejected: rejected.map((r) => ({ origin: r.origin, reason: r.reason })), articles: entitiesOf(articles) };
}

/**
 * `news entities --db F [--from D] [--to D]`: the stored articles of a time range (`YYYY-MM-DD`, that day in Hong
 * Kong, or an ISO time; duplicates left out), each linked as from a file.
 * @throws InputError for a bad bound or --from after --to.
 */
export async function entitiesOfStore(store: NewsStore, range: { from?: string; to?: string } = {}): Promise<{ articles: ArticleEntities[]; rejected: { origin: string; reason: string }[] }> {
  const fromMs = range.from !== undefined ? boundMs(range.from, DEFAULT_NEWS_ZONE, 'from', 'news entities') : undefined;
  const toMs = range.to !== undefined ? boundMs(range.to, DEFAULT_NEWS_ZONE, 'to', 'news entities') : undefined;
  if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) {
    throw new InputError({ source: 'news entities', field: 'from', value: range.from ?? '', reason: `is after --to ${range.to ?? ''}` });
  }
  const articles = await store.listArticles({ ...(fromMs !== undefined ? { fromMs } : {}), ...(toMs !== undefined ? { toMs } : {}) });
  return { rejected: [], articles: entitiesOf(articles) };
}

function entitiesOf(articles: readonly Article[]): ArticleEntities[] {
  const master = loadSecurityMaster();
  const names = new Map(master.securities.map((s) => [s.id, s.name]));
  const linker = createEntityLinker();
  const themes = new ThemeDetector();
  return articles.map((a) => {
      const text = `${a.title}\n\n${a.body}`;
      const links = linker.linkArticle(a).map((l) => ({ ...l, name: names.get(l.securityId) ?? l.securityId, text: text.slice(l.start, l.end) }));
      const counts = new Map<string, number>();
      for (const l of links) counts.set(l.securityId, (counts.get(l.securityId) ?? 0) + 1);
      const d = themes.detect(text);
      return {
        id: a.id, title: a.title, publishedAt: a.publishedAt, origin: a.origin, offsetsInto: 'title + "\\n\\n" + body' as const,
        links, securities: [...counts].map(([id, mentions]) => ({ id, name: names.get(id) ?? id, mentions })),
        themes: d.themes, institutions: d.institutions,
      };
    });
}
