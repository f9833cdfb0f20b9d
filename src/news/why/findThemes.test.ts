import { describe, expect, it } from 'vitest';
import { articleWeight, findThemes, type ThemeEvidence } from './findThemes.js';
import { tieOf } from './explainSession.js';
import { sessionsBackOf, themeNewsWindow } from './newsWindow.js';

const ev = (id: string, tie: ThemeEvidence['tie'], sessionsBack: number, themes: [string, string[]][], publishedMs = 0): ThemeEvidence => ({
  id, tie, sessionsBack, publishedMs, themes: themes.map(([theme, triggers]) => ({ theme, triggers })),
});

describe('findThemes: ranked themes of the window, by hand', () => {
  it('weighs each article by its tie (symbol 3, mover 2, market 1) over (1 + sessions back) squared', () => {
    expect(articleWeight({ tie: 'symbol', sessionsBack: 0 })).toBe(3);
    expect(articleWeight({ tie: 'mover', sessionsBack: 1 })).toBe(0.5); // 2 / 2^2
    expect(articleWeight({ tie: 'market', sessionsBack: 2 })).toBeCloseTo(1 / 9, 15);
    expect(articleWeight({ tie: 'market', sessionsBack: 0 })).toBeGreaterThan(articleWeight({ tie: 'symbol', sessionsBack: 1 })); // 1 > 3/4
  });

  it('ranks the seed week as the data has it: DeepSeek over tariffs, and DeepSeek before AI at equal score', () => {
    // The HK-market articles of 2025-01-28 .. 2025-02-07 (RTHK): 01-28 DeepSeek (5 sessions back), 02-04 tariffs (3 back),
    // 02-05 DeepSeek chatbot (2 back), and a 02-06 close report without a theme.
    const themes = findThemes([
      ev('jan28', 'market', 5, [['ai', ['DeepSeek', 'AI']], ['chips', ['Nvidia']]]),
      ev('feb04', 'market', 3, [['tariffs_trade', ['tariffs']]]),
      ev('feb05', 'market', 2, [['ai', ['chatbot', 'DeepSeek']]]),
      ev('feb06', 'market', 1, []),
    ]);
    // deepseek = ai = 1/3^2 + 1/6^2 = 4/36 + 1/36 = 5/36 = 0.1389; tariffs = 1/4^2 = 0.0625; chips = 1/36 = 0.0278
    expect(themes.map((t) => [t.theme.id, Number(t.score.toFixed(4))])).toEqual([['deepseek', 0.1389], ['ai', 0.1389], ['tariffs_trade', 0.0625], ['chips', 0.0278]]);
    expect(themes[0]!.articles.map((a) => a.id)).toEqual(['feb05', 'jan28']); // 1/9 before 1/36
  });

  it('lets one article on the index itself today outweigh several market articles of earlier days', () => {
    const themes = findThemes([
      ev('a', 'market', 1, [['tariffs_trade', ['tariffs']]]), // 1/4
      ev('b', 'market', 2, [['tariffs_trade', ['levies']]]), // 1/9
      ev('c', 'market', 3, [['tariffs_trade', ['tariff']]]), // 1/16  -> tariffs 36/144 + 16/144 + 9/144 = 61/144
      ev('d', 'symbol', 0, [['earnings', ['net profit']]]), // 3     -> earnings 3
    ]);
    expect(themes.map((t) => t.theme.id)).toEqual(['earnings', 'tariffs_trade']);
    expect(themes[1]!.score).toBeCloseTo(61 / 144, 12);
  });

  it('counts an article once per theme however many triggers fired, and a refined theme only on its own triggers', () => {
    const themes = findThemes([ev('a', 'mover', 0, [['ai', ['AI', 'chatbot', 'OpenAI']]])]);
    expect(themes.map((t) => [t.theme.id, t.score])).toEqual([['ai', 2]]); // no DeepSeek trigger: no deepseek theme
  });

  it('says nothing without articles', () => {
    expect(findThemes([])).toEqual([]);
  });
});

describe('tieOf', () => {
  it('prefers the symbol, then a mover, then the market; none is null', () => {
    expect(tieOf(['HSI', 'HSTECH'], 'HSTECH', new Set(), 'HSI')).toBe('symbol');
    expect(tieOf(['HSI', '9988.HK'], 'HSTECH', new Set(['9988.HK']), 'HSI')).toBe('mover');
    expect(tieOf(['HSI'], 'HSTECH', new Set(['9988.HK']), 'HSI')).toBe('market');
    expect(tieOf(['0700.HK'], 'HSTECH', new Set(['9988.HK']), 'HSI')).toBeNull();
  });
});

describe('the theme window', () => {
  const sessions = ['2025-01-24', '2025-01-27', '2025-01-28', '2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07'];
  it('reaches back five sessions, over the Lunar New Year holiday, to the story\'s publication', () => {
    const w = themeNewsWindow(sessions, '2025-02-07' as never, '2025-02-07 16:10:00');
    expect(w.from).toBe('2025-01-28T00:00:00+08:00');
    expect(w.to).toBe('2025-02-07T16:10:00+08:00');
    expect(w.sessions).toEqual(['2025-01-28', '2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07']);
    expect(w.toMs - w.fromMs).toBe((10 * 24 + 16) * 3_600_000 + 10 * 60_000);
  });
  it('counts holiday news as the last session before it', () => {
    const w = ['2025-01-28', '2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07'];
    expect(sessionsBackOf(w, '2025-02-07')).toBe(0);
    expect(sessionsBackOf(w, '2025-02-05')).toBe(2);
    expect(sessionsBackOf(w, '2025-01-30')).toBe(5); // a holiday: the 01-28 session's news
    expect(sessionsBackOf(w, '2025-01-28')).toBe(5);
  });
});
