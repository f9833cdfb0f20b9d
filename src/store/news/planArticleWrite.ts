import type { Article } from '../../domain/article.js';
import { articleContentKey } from './articleJson.js';

/** What a store already holds for an article id: its stored content key and duplicate link. */
export interface StoredArticleKey {
  readonly json: string;
  readonly dup: string | null;
}

export interface Relink {
  readonly id: string;
  readonly duplicateOf: string | null;
}

/** The writes a `putArticles` call needs, decided without touching the database. */
export interface ArticleWritePlan {
  /** New or changed articles, to insert. */
  readonly changed: Article[];
  /** Ids of changed articles already stored: their rows (and postings) are deleted before the insert. */
  readonly replaced: string[];
  /** Duplicate links to update in place: the caller's relinks, then articles whose content is unchanged but link moved. */
  readonly relinks: Relink[];
  /** Articles stored already with the same content and link. */
  readonly unchanged: number;
}

/**
 * Decides, for every store adapter alike, which articles to insert, replace, relink or leave alone.
 * A second article with the same id in one call is ignored: the first wins.
 */
export function planArticleWrite(
  articles: readonly Article[],
  existing: ReadonlyMap<string, StoredArticleKey>,
  relinks: readonly Relink[],
): ArticleWritePlan {
  const seen = new Set<string>();
  const changed: Article[] = [];
  const allRelinks = [...relinks];
  let unchanged = 0;
  for (const a of articles) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    const old = existing.get(a.id);
    if (old && old.json === articleContentKey(a)) {
      if (old.dup === a.duplicateOf) unchanged++;
      else allRelinks.push({ id: a.id, duplicateOf: a.duplicateOf });
    } else changed.push(a);
  }
  const replaced = changed.filter((a) => existing.has(a.id)).map((a) => a.id);
  return { changed, replaced, relinks: allRelinks, unchanged };
}
