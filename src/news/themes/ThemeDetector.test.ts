import { describe, expect, it } from 'vitest';
import { ThemeDetector } from './ThemeDetector.js';

const d = new ThemeDetector();

describe('ThemeDetector', () => {
  it('assigns themes with the words that triggered them, most hits first', () => {
    const r = d.detect('DeepSeek and other AI models rattled chipmakers. Tariffs and more tariffs loomed; Nvidia fell.');
    // ai: DeepSeek, AI models (2); tariffs_trade: Tariffs, tariffs (2, one trigger word); chips: chipmakers, Nvidia (2)
    expect(r.themes.map((t) => [t.theme, t.hits, t.triggers])).toEqual([
      ['ai', 2, ['DeepSeek', 'AI models']],
      ['tariffs_trade', 2, ['tariffs']],
      ['chips', 2, ['chipmakers', 'Nvidia']],
    ]);
  });
  it('respects case for short triggers and blocks look-alike phrases', () => {
    expect(d.detect('The said ai was fine; Air China flew; profit-taking set in.').themes).toEqual([]);
    expect(d.detect('Blue chips and the blue-chip Dow rose; stamp duties were cut.').themes).toEqual([]);
    expect(d.detect('AI and EV makers gained').themes.map((t) => t.theme)).toEqual(['ai', 'evs']);
  });
  it('covers each theme of the brief', () => {
    const themes = (s: string) => d.detect(s).themes.map((t) => t.theme);
    expect(themes('Beijing unveiled stimulus and a rate cut')).toEqual(['stimulus_policy']);
    expect(themes('Net profit rose and revenue beat estimates')).toEqual(['earnings']);
    expect(themes('The regulator opened an antitrust probe')).toEqual(['regulation']);
    expect(themes('BYD sold more electric vehicles')).toEqual(['evs']);
    expect(themes('SMIC is a semiconductor foundry')).toEqual(['chips']);
  });
  it('finds analyst and bank mentions and whether the sentence quotes an analyst', () => {
    const r = d.detect('HSBC analysts said the rally has legs. Goldman Sachs and Citi agreed. The S&P 500 rose. JPMorgan Chase fell.');
    expect(r.institutions.map((i) => [i.id, i.analystContext])).toEqual([
      ['hsbc', true], ['goldman-sachs', false], ['citi', false], ['jpmorgan', false],
    ]);
    expect(d.detect('The S&P 500 index').institutions).toEqual([]);
  });
});
