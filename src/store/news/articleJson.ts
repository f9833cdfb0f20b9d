import type { Article } from '../../domain/article.js';
import { InvariantError } from '../../core/errors.js';

/**
 * The article as stored JSON, without `duplicateOf` (kept in its own column so relinking does not
 * rewrite the document). Keys sorted, so equal articles give equal text.
 * @throws never.
 */
export function articleContentKey(a: Article): string {
  const { duplicateOf: _ignored, ...rest } = a;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

/** @throws InvariantError when the stored JSON is not an article (a corrupt row). */
export function articleFromJson(json: string, duplicateOf: string | null): Article {
  const a = JSON.parse(json) as Article;
  if (typeof a.id !== 'string' || typeof a.title !== 'string' || typeof a.publishedMs !== 'number') {
    throw new InvariantError(`corrupt stored article: ${json.slice(0, 80)}`);
  }
  return { ...a, duplicateOf };
}
