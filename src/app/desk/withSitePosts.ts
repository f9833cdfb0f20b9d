import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_POSTS_FILE } from '../../stories/site/siteStory.js';
import type { DeskService } from './deskService.js';

/** Where the server serves the site (`serve --site DIR`): `/site/`. */
export const SITE_PREFIX = '/site/';

/**
 * The desk with each news item linked to its republished post on the served site: `post` is
 * `/site/news/<post>.html` when the site built by `site build --news` has a post of the article (its
 * `posts.json`: article id -> pages; the post in the item's own language first, else the first), null otherwise.
 * The map is re-read when the site is rebuilt (file modification time).
 * @throws never: a site without posts.json links nothing.
 */
export function withSitePosts(desk: DeskService, siteDir: string): DeskService {
  let cache: { mtimeMs: number; map: Readonly<Record<string, readonly string[]>> } | null = null;
  const posts = (): Readonly<Record<string, readonly string[]>> => {
    const file = join(siteDir, SITE_POSTS_FILE);
    try {
      const mtimeMs = statSync(file).mtimeMs;
      if (cache === null || cache.mtimeMs !== mtimeMs) cache = { mtimeMs, map: JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]> };
      return cache.map;
    } catch {
      return {};
    }
  };
  return Object.assign(Object.create(desk) as DeskService, {
    async news(q: Parameters<DeskService['news']>[0]) {
      const page = await desk.news(q);
      const map = posts();
      return { ...page, items: page.items.map((n) => ({ ...n, post: map[n.id]?.[0] !== undefined ? `${SITE_PREFIX}${map[n.id]?.[0]}` : null })) };
    },
  });
}
