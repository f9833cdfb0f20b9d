import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import type { FactLedger, LedgerEntry } from '../../src/domain/story.js';
import { checkStoryText } from '../../src/stories/ledger/checkStoryText.js';
import { formattersFor } from '../../src/stories/render/formatters.js';

const src = { series: 'X', session: '2025-02-07', field: 'close', computation: 'test' };
const entry = (id: string, value: number, dp: number): LedgerEntry => ({ id, kind: 'pct', value, dp, source: src });
const ledger = (...entries: LedgerEntry[]): FactLedger => ({ symbol: 'X', date: '2025-02-07' as SessionDate, entries });

describe('checkStoryText', () => {
  const l = ledger(
    entry('as_much_as', 2.857069443291471, 1),
    entry('close', 5150.35, 2),
    { id: 'd', kind: 'date', value: 20250113, dp: 0, dateParts: [2025, 1, 13], source: src },
    { id: 'q', kind: 'quote', value: 0, dp: 0, text: 'up 7 percent', source: src },
  );

  it('accepts numbers that round exactly from a ledger entry, dates and quoted text', () => {
    // 2.857... -> 2.9 at one decimal; 5150.35 with grouping; 13 and 1 are date parts; "7" sits in a quote
    expect(checkStoryText('rose as much as 2.9% to 5,150.35 above its January 13 low; 1月13日; "up 7 percent".', l, 'en')).toEqual([]);
  });

  it('flags a number rounded the wrong way', () => {
    const issues = checkStoryText('rose as much as 2.8%', l, 'en');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ token: '2.8', reason: expect.stringContaining('rounded inconsistently with ledger entry as_much_as') });
  });

  it('flags a number with no ledger entry, in either language', () => {
    expect(checkStoryText('up 14.5%', l, 'en')[0]).toMatchObject({ token: '14.5', reason: 'no ledger entry' });
    expect(checkStoryText('升14.5%', l, 'zh-Hant')[0]).toMatchObject({ lang: 'zh-Hant', token: '14.5', reason: 'no ledger entry' });
  });

  it('flags a number outside the quote even when the quote holds the same digits', () => {
    expect(checkStoryText('"up 7 percent" and 7 more', l, 'en').map((i) => i.token)).toEqual(['7']);
  });

  it('property: every formatted ledger value passes; a value one printed unit off fails', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 2 }), fc.constantFrom<'en' | 'zh-Hant'>('en', 'zh-Hant'), (v, dp, lang) => {
        const e = entry('v', v, dp);
        const printed = formattersFor(lang).pct(e);
        expect(checkStoryText(`moved ${printed}`, ledger(e), lang)).toEqual([]);
        const off = entry('v', v + 2 * 10 ** -dp, dp);
        expect(checkStoryText(`moved ${formattersFor(lang).pct(off)}`, ledger(e), lang)).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});
