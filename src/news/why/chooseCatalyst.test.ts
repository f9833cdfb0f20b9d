import { describe, expect, it } from 'vitest';
import type { Article } from '../../domain/article.js';
import { chooseCatalyst, type CatalystArticle } from './chooseCatalyst.js';
import { hasFigure, withoutMoveFigures } from './figures.js';
import { findQuotes } from './findQuotes.js';
import { articleParagraphs, splitSentences } from './sentences.js';

const article = (id: string, title: string, body: string, publishedAt = '2025-02-21T13:28:00+08:00'): Article => ({
  id, url: `https://news.example/${id}`, title, body, publishedAt, publishedMs: Date.parse(publishedAt),
  source: 'RTHK (Radio Television Hong Kong), English finance news', language: 'en', categories: [], tags: [], origin: `${id}.md`, duplicateOf: null,
});
const tied = (a: Article, themes: [string, string[]][], tie: CatalystArticle['tie'] = 'market', sessionsBack = 0): CatalystArticle => ({
  article: a, tie, tiedTo: 'HSI', sessionsBack, themes: themes.map(([theme, triggers]) => ({ theme, triggers })),
});

describe('chooseCatalyst: what the news said, never a figure that could contradict the story', () => {
  // A hand-made article: its headline says "up 3 percent" (the story's own figure is "rose 4.0%"), its first sentence
  // holds the cause (earnings) with figures, and an analyst is quoted with a figure and without one.
  const a = article('x1', 'Hong Kong stocks up 3 percent', [
    'Hong Kong stocks jumped 3 percent on Friday after Acme Corp posted forecast-topping earnings.',
    'The Hang Seng Index gained 2.27 percent to 23,090.',
    'Jane Doe, an analyst at Example Securities, said earnings would stay strong.',
    '"Earnings beat by 12 percent," Doe said.',
    '"These earnings show that demand is back," Doe said.',
  ].join('\n\n'));

  it('reports the first sentence that names the theme, with its move figure taken out, and quotes only figure-free quoted words', () => {
    const c = chooseCatalyst([tied(a, [['earnings', ['earnings', 'forecast-topping']]])]);
    expect(c?.reported.text).toBe('Hong Kong stocks jumped on Friday after Acme Corp posted forecast-topping earnings.');
    expect(c?.reported).toMatchObject({ articleId: 'x1', localDate: '2025-02-21', opensWithName: true });
    expect(c?.quote).toMatchObject({ text: 'These earnings show that demand is back', speaker: 'Jane Doe, an analyst at Example Securities' });
    expect(JSON.stringify(c)).not.toMatch(/3 percent|12 percent|2\.27/);
  });

  it('refuses a sentence whose figure is not a move (it cannot be taken out), and says nothing without news', () => {
    const b = article('x2', 'Tariffs bite', 'Exporters face an extra 34 percent tariffs on Chinese goods.');
    expect(chooseCatalyst([tied(b, [['tariffs_trade', ['tariffs']]])])).toBeNull();
    expect(chooseCatalyst([])).toBeNull();
  });

  it('passes to the next theme when the top one has no usable sentence', () => {
    const b = article('x3', 'Tariffs', 'Tariffs of 34 percent hit.', '2025-02-21T10:00:00+08:00');
    const c = chooseCatalyst([tied(b, [['tariffs_trade', ['Tariffs']]], 'symbol'), tied(a, [['earnings', ['earnings']]])]);
    expect(c?.theme.id).toBe('earnings');
  });
});

describe('figures, sentences and quotes', () => {
  it('finds figures outside years', () => {
    expect(hasFigure('up 3 percent')).toBe(true);
    expect(hasFigure('more than three percent')).toBe(true);
    expect(hasFigure('its 2025 growth target')).toBe(false);
    expect(withoutMoveFigures('The index rose 2.27 percent, or 500 points, to 23,090 on earnings.')).toBe('The index rose on earnings.');
  });
  it('splits sentences but not at abbreviations or decimals, and drops agency credits', () => {
    expect(splitSentences('Shares rose 0.6 percent. The U.S. Fed held. "Fine," he said.')).toEqual(['Shares rose 0.6 percent.', 'The U.S. Fed held.', '"Fine," he said.']);
    expect(articleParagraphs('One. (AFP)\n\nTwo. (additional reporting by Reuters)')).toEqual(['One.', 'Two.']);
  });
  it('attributes a quote to the speaker the article names, never to a pronoun', () => {
    const q = findQuotes(['Andrew Sullivan, founder of Asian Market Sense, pointed out that competition is common.', '"It is a crowded trade," Sullivan said.', '"Still," he said.', '"Yes," said Ann Lee, head of research at X, who added more.']);
    expect(q.map((x) => [x.text, x.speaker])).toEqual([['It is a crowded trade', 'Andrew Sullivan, founder of Asian Market Sense'], ['Yes', 'Ann Lee, head of research at X']]);
  });
});
