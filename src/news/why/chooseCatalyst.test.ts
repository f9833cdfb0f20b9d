import { describe, expect, it } from 'vitest';
import type { Article } from '../../domain/article.js';
import { chooseCatalyst, contradicts, type CatalystArticle } from './chooseCatalyst.js';
import { hasFigure, withoutMoveFigures } from './figures.js';
import { findQuotes } from './findQuotes.js';
import { articleParagraphs, splitSentences } from './sentences.js';
import { clauseSpans, opensWithAnaphor } from './clauses.js';
import { isContiguousClause } from '../../stories/ledger/checkCatalyst.js';

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

describe('chooseCatalyst: the clause that carries the theme', () => {
  it('drops an off-topic main clause and reports the subordinate clause that names the theme, contiguous in the article', () => {
    const body = 'Shares in Shanghai rose at the open on Wednesday as mainland investors returned from a week-long break to news of a new chatbot launched by mainland startup DeepSeek.\n\nThe index climbed 0.6 percent.';
    const c = chooseCatalyst([tied(article('d1', 'Shares rise', body), [['ai', ['DeepSeek']]])]);
    expect(c?.reported.text).toBe('mainland investors returned from a week-long break to news of a new chatbot launched by mainland startup DeepSeek.');
    expect(isContiguousClause(c?.reported.text ?? '', body)).toBe(true);
  });
  it("keeps the whole sentence when its main clause is about the story's market (Hong Kong)", () => {
    const body = 'Hong Kong stocks dived on Monday as markets around the world crumbled in the face of a widening global trade war.';
    const c = chooseCatalyst([tied(article('t1', 'Slump', body), [['tariffs_trade', ['trade war']]])]);
    expect(c?.reported.text).toBe(body);
  });
  it('stops at a phrase holding a figure that cannot be taken out, and prefers a clean clause to figure surgery', () => {
    // "including 34 percent" is not a move: the span stops before it; "sank more than two percent" is a move figure
    const body = 'Hong Kong stocks sank more than two percent on Thursday after Washington announced sweeping tariffs against trade partners, including 34 percent on imports from China.';
    const c = chooseCatalyst([tied(article('t2', 'Sank', body), [['tariffs_trade', ['tariffs']]])]);
    expect(c?.reported.text).toBe('Hong Kong stocks sank on Thursday after Washington announced sweeping tariffs against trade partners.');
    expect(isContiguousClause(c?.reported.text ?? '', body)).toBe(true);
  });
  it('takes a figure out after a transitive verb (piled on) only when no article of the theme gives a clean clause', () => {
    const surgery = article('e1', 'Up', 'Hong Kong stocks soared as Acme piled on more than 13 percent following a forecast-topping earnings report.', '2025-02-21T13:28:00+08:00');
    const clean = article('e2', 'Acme', 'Acme shares rallied after forecast-topping earnings added to optimism over tech firms.', '2025-02-20T13:28:00+08:00');
    expect(chooseCatalyst([tied(surgery, [['earnings', ['forecast-topping', 'earnings']]])])?.reported.text).toBe('Hong Kong stocks soared as Acme piled on following a forecast-topping earnings report.');
    // the clean clause of the lighter article (one session back) wins over surgery on the heavier one
    const c = chooseCatalyst([tied(surgery, [['earnings', ['forecast-topping', 'earnings']]]), tied(clean, [['earnings', ['forecast-topping', 'earnings']]], 'market', 1)]);
    expect(c?.reported).toMatchObject({ articleId: 'e2', text: 'forecast-topping earnings added to optimism over tech firms.' });
  });
  it('never reports a clause that opens by pointing back at a sentence it leaves behind ("That comes as ...")', () => {
    // RTHK, 2025-04-09: the first sentence naming the theme opens with "That", whose referent is the sentence before
    const b = article('x3', 'Stocks rebound', [
      'Hong Kong stocks swung wildly on Wednesday.',
      'That comes as part of a risk-off mode taken by investors following escalating trade tensions.',
      'Hong Kong stocks had sold off on Monday on trade war concerns.',
    ].join(' '));
    const c = chooseCatalyst([tied(b, [['tariffs_trade', ['trade war', 'trade tensions']]])]);
    expect(c?.reported.text).toBe('Hong Kong stocks had sold off on Monday on trade war concerns.');
    expect(opensWithAnaphor('That comes as part of a risk-off mode.')).toBe(true);
    expect(opensWithAnaphor('It said tariffs would bite.')).toBe(true);
    expect(opensWithAnaphor('Italy cut rates.')).toBe(false); // a word boundary, not a prefix
    expect(opensWithAnaphor('Hong Kong stocks sank.')).toBe(false);
  });
  it('splits a sentence into contiguous spans only at clause and phrase boundaries', () => {
    expect(clauseSpans('Hong Kong stocks soared on Friday, boosted by a rally in tech as Acme jumped after its results.').map((x) => x.text)).toEqual([
      'Hong Kong stocks soared on Friday.',
      'Hong Kong stocks soared on Friday, boosted by a rally in tech.',
      'Hong Kong stocks soared on Friday, boosted by a rally in tech as Acme jumped.',
      'Hong Kong stocks soared on Friday, boosted by a rally in tech as Acme jumped after its results.',
      'Acme jumped after its results.', // after "as" a finite clause (jumped) opens; "Acme jumped." alone is under 4 words
    ]);
  });
  it('the checker refuses words skipped, reordered or added, and accepts only move figures taken out', () => {
    const body = 'Stocks soared more than three percent on Friday as investors returned to news of a chatbot.';
    expect(isContiguousClause('Stocks soared on Friday.', body)).toBe(true);
    expect(isContiguousClause('investors returned to news of a chatbot.', body)).toBe(true);
    expect(isContiguousClause('Stocks soared as investors returned.', body)).toBe(false);
    expect(isContiguousClause('investors returned to news of a new chatbot.', body)).toBe(false);
    expect(isContiguousClause('vestors returned to news.', body)).toBe(false);
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

  it('adds a clause of another article of the theme when the first names no tariff, and none when it does', () => {
    const mon = article('w7', 'Trade war', 'Markets in Hong Kong dived on Monday as a widening global trade war raised fears of a recession.', '2025-04-07T10:12:00+08:00');
    const thu = article('w3', 'Tariffs', 'Hong Kong stocks sank more than two percent on Thursday after the US announced sweeping tariffs on trade partners.', '2025-04-03T09:44:00+08:00');
    const c = chooseCatalyst([tied(mon, [['tariffs_trade', ['trade war']]], 'market', 0), tied(thu, [['tariffs_trade', ['tariffs']]], 'market', 1)]);
    // the Monday article weighs 1/(1+0)^2 = 1, the Thursday one 1/(1+1)^2 = 0.25: the first clause is Monday's
    expect(c?.reported.text).toBe('Markets in Hong Kong dived on Monday as a widening global trade war raised fears of a recession.');
    expect(c?.also).toMatchObject({ articleId: 'w3', localDate: '2025-04-03', text: 'Hong Kong stocks sank on Thursday after the US announced sweeping tariffs on trade partners.' });
    // a first clause that names tariffs needs no second
    const tue = article('w8', 'Tariffs', 'Hong Kong stocks fell on Tuesday as tariffs hit exporters.', '2025-04-08T10:12:00+08:00');
    expect(chooseCatalyst([tied(tue, [['tariffs_trade', ['tariffs']]], 'market', 0), tied(thu, [['tariffs_trade', ['tariffs']]], 'market', 1)])?.also).toBeNull();
  });

  it('never uses a sentence that says the market went the other way that day; same-direction ones stay; none left, no cause', () => {
    const gains = article('g1', 'Week', 'Hong Kong stocks ended the week with gains as investors cheered the DeepSeek chatbot.', '2025-01-17T16:30:00+08:00');
    const fell = article('f1', 'Slide', 'Hong Kong stocks slumped on Wednesday as the DeepSeek chatbot stirred doubts over chip demand.', '2025-01-22T16:30:00+08:00');
    const ai = (a: Article, back: number) => tied(a, [['ai', ['DeepSeek']]], 'market', back);
    // the story fell: the week's gains are not its cause, the same day's slump is
    expect(chooseCatalyst([ai(gains, 0), ai(fell, 3)], '+08:00', undefined, 'down')?.reported.articleId).toBe('f1');
    expect(chooseCatalyst([ai(gains, 0)], '+08:00', undefined, 'down')).toBeNull();
    // the story rose: the other way round
    expect(chooseCatalyst([ai(fell, 0), ai(gains, 3)], '+08:00', undefined, 'up')?.reported.articleId).toBe('g1');
    expect(chooseCatalyst([ai(fell, 0)], '+08:00', undefined, 'up')).toBeNull();
    // no direction known: as before
    expect(chooseCatalyst([ai(gains, 0)])?.reported.articleId).toBe('g1');
    expect([contradicts('Markets ended the week with gains.', 'down'), contradicts('Stocks dived as markets crumbled.', 'down'), contradicts('Stocks rallied, then fell.', 'down'), contradicts('Tariffs were announced.', 'up')]).toEqual([true, false, false, false]);
  });
});
