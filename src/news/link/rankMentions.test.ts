import { describe, expect, it } from 'vitest';
import type { SecurityId } from '../../core/units.js';
import type { TextLink } from './EntityLinker.js';
import { rankByScore, scoreMention } from './rankMentions.js';

const link = (securityId: string, start: number): TextLink => ({ securityId: securityId as SecurityId, start, end: start + 5, alias: 'x', kind: 'name' });

describe('scoreMention and rankByScore', () => {
  it('scores title (3) + mentions (capped at 5) + early mention (1)', () => {
    // title of 20 units; A in title at 0 and body at 400, 500 -> 3 + 3 + 1 = 7
    expect(scoreMention({ links: [link('A', 0), link('B', 30), link('A', 400), link('A', 500)], titleLength: 20, publishedMs: 0 }, 'A'))
      .toEqual({ mentions: 3, inTitle: true, firstOffset: 0, score: 7 });
    // B once in the body at 30: 0 + 1 + 1 = 2; seven late mentions of C: 0 + 5 (cap) + 0 = 5
    expect(scoreMention({ links: [link('B', 30)], titleLength: 20, publishedMs: 0 }, 'B')!.score).toBe(2);
    expect(scoreMention({ links: Array.from({ length: 7 }, (_, i) => link('C', 400 + 10 * i)), titleLength: 20, publishedMs: 0 }, 'C')!.score).toBe(5);
    expect(scoreMention({ links: [link('B', 30)], titleLength: 20, publishedMs: 0 }, 'Z')).toBeNull();
  });
  it('ranks by score, then the later article, then id', () => {
    const xs = [{ id: 'b', score: 2, publishedMs: 5 }, { id: 'a', score: 2, publishedMs: 5 }, { id: 'c', score: 2, publishedMs: 9 }, { id: 'd', score: 7, publishedMs: 0 }];
    expect(rankByScore(xs).map((x) => x.id)).toEqual(['d', 'c', 'a', 'b']);
  });
});
