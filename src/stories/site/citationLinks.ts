import type { SiteStory } from './siteStory.js';

/** The links between stories and the news posts they cite, both ways. */
export interface CitationLinks {
  /** The news posts a story cites (those on the site), in the order the story's ledger cites them. */
  readonly citedNews: (story: SiteStory) => readonly SiteStory[];
  /** The stories that cite a news post, newest first (the order of `pages`). */
  readonly citingStories: (post: SiteStory) => readonly SiteStory[];
}

/**
 * Joins stories to news posts by article id: a story cites the articles its ledger quotes (`cites`), a news post
 * republishes one article (`articleId`). When two posts republish the same article (one per language), both are
 * linked. A cited article without a post on the site is left out (the story's own text attributes it).
 * @param pages every page of the site, newest first.
 * @example citationLinks([story({cites: ['a1']}), post({articleId: 'a1'})]).citingStories(post) // [story]
 */
export function citationLinks(pages: readonly SiteStory[]): CitationLinks {
  const postsOf = new Map<string, SiteStory[]>();
  for (const p of pages) {
    if (p.kind !== 'news' || !p.articleId) continue;
    (postsOf.get(p.articleId) ?? postsOf.set(p.articleId, []).get(p.articleId)!).push(p);
  }
  const storiesOf = new Map<string, SiteStory[]>();
  for (const s of pages) {
    if (s.kind === 'news') continue;
    for (const id of new Set(s.cites ?? [])) if (postsOf.has(id)) (storiesOf.get(id) ?? storiesOf.set(id, []).get(id)!).push(s);
  }
  const none: readonly SiteStory[] = [];
  return {
    citedNews: (s) => (s.kind === 'news' ? none : [...new Set(s.cites ?? [])].flatMap((id) => postsOf.get(id) ?? [])),
    citingStories: (p) => (p.kind === 'news' && p.articleId ? (storiesOf.get(p.articleId) ?? none) : none),
  };
}
