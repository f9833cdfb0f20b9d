import { describe, expect, it } from 'vitest';
import { setLang } from '../../web/dashboard/i18n.js';
import { parseLiveFacts } from '../../web/dashboard/live.js';
import { liveFactText } from '../../web/dashboard/liveFacts.js';

const names: Record<string, [string, string]> = { '1810.HK': ['Xiaomi', '小米集團'], HSTECH: ['HSTECH', '恒生科技指數'] };
const msg = JSON.stringify({
  type: 'level',
  index: 'HSTECH',
  facts: [
    { key: 'as_much_as:up:1810.HK', index: 'HSTECH', symbol: '1810.HK', timeMs: 1738900000000, fact: { type: 'as_much_as', basis: 'intraday', changePct: 5.2 } },
    { key: 'bull_market:entered', index: 'HSTECH', symbol: null, timeMs: 1738900000000, fact: { type: 'bull_market', basis: 'intraday', event: 'entered', changePct: 20.31, reference: { date: '2025-01-13', value: 4221.92 } } },
    { bad: true },
  ],
});

describe('live story messages in the chosen language', () => {
  const facts = parseLiveFacts(msg);
  it('reads the facts of a publication (malformed entries dropped)', () => {
    expect(facts.map((f) => f.key)).toEqual(['as_much_as:up:1810.HK', 'bull_market:entered']);
    expect(parseLiveFacts('not json')).toEqual([]);
  });
  it('says them in English and in Traditional Chinese', () => {
    setLang('en');
    const en = (id: string) => names[id]?.[0] ?? id;
    expect(facts.map((f) => liveFactText(f, en))).toEqual(['Xiaomi up as much as 5.20%', 'HSTECH enters bull market during trading (+20.31% from the 2025-01-13 low)']);
    setLang('zh-Hant');
    const zh = (id: string) => names[id]?.[1] ?? id;
    expect(facts.map((f) => liveFactText(f, zh))).toEqual(['小米集團盤中最多升5.20%', '恒生科技指數盤中進入牛市（較2025年1月13日低位高20.31%）']);
    setLang('en');
  });
});
