import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEntityLinker, loadSecurityMaster } from '../../../src/app/securityMaster.js';
import { EntityLinker } from '../../../src/news/link/EntityLinker.js';

const linker = createEntityLinker();
const ids = (text: string) => linker.link(text).map((l) => l.securityId);
const spans = (text: string) => linker.link(text).map((l) => [l.securityId, text.slice(l.start, l.end)]);

describe('EntityLinker on data/securities.yaml', () => {
  it('prefers the longest name: Alibaba Health, Tencent Music, JD Health, BYD Electronic', () => {
    expect(spans('Alibaba Health and Alibaba; Tencent Music and Tencent')).toEqual([
      ['0241.HK', 'Alibaba Health'], ['9988.HK', 'Alibaba'], ['1698.HK', 'Tencent Music'], ['0700.HK', 'Tencent'],
    ]);
    expect(spans('JD Health rose, JD.com fell, BYD Electronic and BYD were flat')).toEqual([
      ['6618.HK', 'JD Health'], ['9618.HK', 'JD.com'], ['0285.HK', 'BYD Electronic'], ['1211.HK', 'BYD'],
    ]);
  });
  it('tells the three indexes apart and blocks Hang Seng Bank and the volatility index', () => {
    expect(ids('The Hang Seng Index, the Hang Seng Tech Index and the Hang Seng China Enterprises Index')).toEqual([
      'HSI', 'HSTECH', 'HSCEI',
    ]);
    expect(ids('Hang Seng Bank said; the Hang Seng Volatility Index rose; Hang Seng Indexes Company')).toEqual([]);
  });
  it('links ticker syntax and never bare numbers, years, prices or points', () => {
    const t = 'Alibaba (9988) and 9988.HK, HK:0700, 0700 HK, 00700, (NYSE: BABA) and BIDU.';
    expect(ids(t)).toEqual(['9988.HK', '9988.HK', '9988.HK', '0700.HK', '0700.HK', '0700.HK', '9988.HK', '9888.HK']);
    expect(ids('The index rose 700 points to 2,000 in 2015; 9988 shares at HK$700 and 1810 percent, 2018-2020.')).toEqual([]);
    expect(ids('X109988 and 99880 and 0700.HKD')).toEqual([]);
  });
  it('links a year-like code in brackets only right after its company name', () => {
    expect(spans('Li Auto (2015) rose')).toEqual([['2015.HK', 'Li Auto'], ['2015.HK', '(2015)']]);
    expect(ids('Profits since (2015) and the 2015 HK budget')).toEqual([]);
    expect(ids('Li Auto (2015.HK)')).toEqual(['2015.HK', '2015.HK']);
  });
  it('matches short capitals exactly and long names in any case, on word boundaries', () => {
    expect(ids('NIO and Nio rose, nio did not; BYD but not Byd or BYDE')).toEqual(['9866.HK', '9866.HK', '1211.HK']);
    expect(ids('ALIBABA and alibaba, Alibaba-backed, Alibaba\u2019s, but not Alibabas')).toEqual([
      '9988.HK', '9988.HK', '9988.HK', '9988.HK',
    ]);
    expect(ids('JD Vance spoke; JD Logistics listed; JD rose')).toEqual(['9618.HK']);
  });
  it('matches Chinese names without word boundaries, Traditional and Simplified', () => {
    expect(spans('阿里巴巴和騰訊控股上升，腾讯音乐下跌，恒生科技指數')).toEqual([
      ['9988.HK', '阿里巴巴'], ['0700.HK', '騰訊控股'], ['1698.HK', '腾讯音乐'], ['HSTECH', '恒生科技指數'],
    ]);
  });
  it('leaves out Chinese short forms that are ordinary words, and platforms cited as a channel', () => {
    expect(ids('這讓人聯想到地平線上的全國指導意見')).toEqual([]);
    expect(ids('聯想集團、地平線機器人和國企指數')).toEqual(['0992.HK', '9660.HK', 'HSCEI']);
    expect(ids('The company said in a Weibo post; Weibo shares rose')).toEqual(['9898.HK']);
  });
  it('gives EntityLink offsets into title + "\\n\\n" + body', () => {
    const links = linker.linkArticle({ id: 'a1', title: 'Xiaomi jumps', body: 'Shares of Meituan fell.' });
    // "Xiaomi jumps\n\n" is 14 units; "Shares of " is 10 -> Meituan at 24..31
    expect(links).toEqual([
      { articleId: 'a1', securityId: '1810.HK', start: 0, end: 6, alias: 'Xiaomi' },
      { articleId: 'a1', securityId: '3690.HK', start: 24, end: 31, alias: 'Meituan' },
    ]);
  });
  it('returns sorted, non-overlapping links whose text folds to the alias (property)', () => {
    const words = ['Alibaba', 'Alibaba Health', 'Hang Seng', 'Index', 'Tech', 'BYD', 'Electronic', '(9988)', '0700', 'HK', ' ', ' ', '.', '2015', '阿里巴巴'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        let last = 0;
        for (const l of linker.link(text)) {
          expect(l.start).toBeGreaterThanOrEqual(last);
          expect(text.slice(l.start, l.end).toLowerCase().replace(/\s/g, ' ')).toBe(l.alias.toLowerCase());
          last = l.end;
        }
      }),
    );
  });
  it('builds its automaton once from the master (over 1,000 patterns)', () => {
    expect(new EntityLinker(loadSecurityMaster()).patternCount).toBeGreaterThan(1000);
  });
});
