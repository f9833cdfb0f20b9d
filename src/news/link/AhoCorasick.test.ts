import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick, foldCode } from './AhoCorasick.js';

describe('AhoCorasick', () => {
  it('finds overlapping patterns, including ones reached through failure links', () => {
    // "ushers": "she" ends at 4, "he" ends at 4 (suffix of "she"), "hers" ends at 6
    const ac = new AhoCorasick(['he', 'she', 'his', 'hers']);
    expect(ac.findAll('ushers').sort()).toEqual([[0, 4], [1, 4], [3, 6]].sort());
  });
  it('folds ASCII case and whitespace but keeps offsets', () => {
    const ac = new AhoCorasick(['hang seng']);
    expect(ac.findAll('THE HANG\nSENG')).toEqual([[0, 13]]); // 4 + 9 = 13
    expect(foldCode('A'.charCodeAt(0))).toBe('a'.charCodeAt(0));
    expect(foldCode('阿'.charCodeAt(0))).toBe('阿'.charCodeAt(0));
  });
  it('matches CJK without boundaries', () => {
    const ac = new AhoCorasick(['阿里巴巴', '騰訊']);
    expect(ac.findAll('買入阿里巴巴和騰訊')).toEqual([[0, 6], [1, 9]]);
  });
  it('rejects an empty pattern', () => {
    expect(() => new AhoCorasick(['a', ''])).toThrow(RangeError);
  });
  it('agrees with a naive indexOf scan on random texts (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'A', ' ', '阿', '里'); // ASCII (DFA table) and CJK (map walk)
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 6 }), fc.array(alphabet, { maxLength: 40 }), (pats, chars) => {
        const text = chars.join('');
        const ac = new AhoCorasick(pats);
        const got = ac.findAll(text).map(([p, e]) => `${p}@${e}`).sort();
        const lower = text.toLowerCase();
        const want: string[] = [];
        pats.forEach((p, i) => {
          const lp = p.toLowerCase();
          for (let k = lower.indexOf(lp); k >= 0; k = lower.indexOf(lp, k + 1)) want.push(`${i}@${k + lp.length}`);
        });
        expect(got).toEqual(want.sort());
      }),
    );
  });
});
