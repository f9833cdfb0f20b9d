import { describe, expect, it } from 'vitest';
import { writeStory } from '../../src/stories/writeStory.js';
import { fixtureInput } from './fixtures.js';

const doc = (s: ReturnType<typeof writeStory>, lang: 'en' | 'zh-Hant') => s.documents.find((d) => d.lang === lang)!;

describe('a story written during trading (the live desk)', () => {
  // The TECHX fixture's session as a provisional bar at 10:02 (close = the level then: 1,210.00).
  const flash = writeStory(fixtureInput({ asOf: { hour: 10, minute: 2, phase: 'open' }, publishedLocal: '2025-02-07 10:02:00' }), { maxParagraphs: 2 });

  it('says "was up ... at 10:02 a.m.", never "closed", and keeps the lede and one paragraph', () => {
    const e = doc(flash, 'en');
    expect(e.frontMatter.title).toBe('Techx Index enters technical bull territory');
    expect(e.frontMatter.date).toBe('2025-02-07 10:02:00');
    expect(e.paragraphs).toHaveLength(2);
    // 1210 / 1000 - 1 = 21.0% > 20%: "more than 20%"
    expect(e.paragraphs[0]).toBe('The Techx Index entered technical bull territory during trading on Friday, rising more than 20% above its January 13 low.');
    // as much as 1230 / 1180 - 1 = 4.2%; 1210 / 1180 - 1 = 2.5%; 1210 - 1180 = 30.00 points
    expect(e.paragraphs[1]).toContain('The index rose as much as 4.2% and was up 2.5% at 1,210.00 at 10:02 a.m. Hong Kong time, a gain of 30.00 points.');
    expect(e.markdown).not.toMatch(/clos(ed|ing)/);
    expect(flash.checkIssues).toEqual([]);
  });

  it('says it in Chinese with 盤中 and 截至上午10時02分', () => {
    const z = doc(flash, 'zh-Hant');
    expect(z.frontMatter.title).toBe('科技X指數盤中進入技術性牛市');
    expect(z.paragraphs[0]).toBe('科技X指數星期五（2月7日）盤中較1月13日低位高出逾20%，進入技術性牛市。');
    expect(z.paragraphs[1]).toContain('指數盤中最多升4.2%，截至上午10時02分升2.5%，報1,210.00點，升30.00點。');
    expect(z.markdown).not.toContain('收市');
  });

  it('at the lunch break an update ends its title in "— Update" and says "at the midday break" / 半日', () => {
    const s = writeStory(fixtureInput({ asOf: { hour: 12, minute: 0, phase: 'lunch' }, publishedLocal: '2025-02-07 12:00:00' }), { update: true });
    expect(doc(s, 'en').frontMatter.title).toBe('Techx Index enters technical bull territory — Update');
    expect(doc(s, 'zh-Hant').frontMatter.title).toBe('科技X指數盤中進入技術性牛市（更新）');
    expect(doc(s, 'en').paragraphs.join('\n')).toContain('was up 2.5% at 1,210.00 at the midday break');
    // Alpha: 11 / 10 - 1 = 10.0% so far, as much as 15.0%
    expect(doc(s, 'en').paragraphs.join('\n')).toContain('Alpha Tech led the gainers, up 10.0% after rising as much as 15.0%.');
    expect(doc(s, 'zh-Hant').paragraphs.join('\n')).toContain('半日升2.5%');
    expect(doc(s, 'zh-Hant').paragraphs.join('\n')).toContain('半日升10.0%');
    expect(s.checkIssues).toEqual([]);
  });

  it('an afternoon time prints on the 12-hour clock and passes the checker (14:05 -> 2:05 p.m., 下午2時05分)', () => {
    const s = writeStory(fixtureInput({ asOf: { hour: 14, minute: 5, phase: 'open' }, publishedLocal: '2025-02-07 14:05:00' }));
    expect(doc(s, 'en').paragraphs.join('\n')).toContain('at 2:05 p.m. Hong Kong time');
    expect(doc(s, 'zh-Hant').paragraphs.join('\n')).toContain('截至下午2時05分');
    expect(s.checkIssues).toEqual([]);
    expect(s.ledger.entries.find((e) => e.id === 'as_of.time')?.dateParts).toEqual([14, 2, 5]);
  });
});
