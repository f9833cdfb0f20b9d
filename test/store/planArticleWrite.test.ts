import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.js';
import { articleContentKey } from '../../src/store/news/articleJson.js';
import { planArticleWrite, type StoredArticleKey } from '../../src/store/news/planArticleWrite.js';

function article(id: string, title: string, duplicateOf: string | null = null): Article {
  return {
    id, url: null, title, body: `${title} body`, publishedAt: '2025-02-07T09:00:00+08:00',
    publishedMs: Date.parse('2025-02-07T01:00:00Z'), source: 'RTHK', language: 'en', categories: [], tags: [],
    origin: `${id}.md`, duplicateOf,
  };
}

describe('planArticleWrite (shared by the DuckDB and PostgreSQL news stores)', () => {
  it('sorts each article into insert, replace, relink or unchanged', () => {
    const same = article('a', 'Same');
    const moved = article('b', 'Moved link', 'a');
    const edited = article('c', 'Edited title');
    const fresh = article('d', 'New');
    const existing = new Map<string, StoredArticleKey>([
      ['a', { json: articleContentKey(same), dup: null }],                 // same content, same link
      ['b', { json: articleContentKey(moved), dup: null }],                // same content, link now 'a'
      ['c', { json: articleContentKey(article('c', 'Old title')), dup: null }], // content changed
    ]);
    const plan = planArticleWrite([same, moved, edited, fresh, article('d', 'Second d ignored')], existing,
      [{ id: 'z', duplicateOf: 'a' }]);
    // c (changed, stored) and d (new) are written; only c was stored before, so only c is replaced
    expect(plan.changed.map((a) => a.id)).toEqual(['c', 'd']);
    expect(plan.changed[1]!.title).toBe('New'); // the first 'd' wins
    expect(plan.replaced).toEqual(['c']);
    // the caller's relink first, then b's moved link
    expect(plan.relinks).toEqual([{ id: 'z', duplicateOf: 'a' }, { id: 'b', duplicateOf: 'a' }]);
    expect(plan.unchanged).toBe(1); // only a
  });
});
