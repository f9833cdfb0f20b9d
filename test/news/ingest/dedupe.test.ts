import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicates, MIN_NEAR_DUP_CHARS, type DedupeKey } from '../../../src/news/dedupe/findDuplicates.js';
import { bandKeys, estimateJaccard, minhashSignature } from '../../../src/news/dedupe/minhash.js';

const TEXT = 'The Hang Seng Tech Index, which tracks the 30 largest technology companies listed in the city, rose as much as ' +
  '2.9% on Friday, reflecting a rise of more than 20% from its January low. The index is closing in on its 2024 high ' +
  'reached in October but is still far from the all-time high recorded in early 2021. PC maker Lenovo and smartphone ' +
  'specialist Xiaomi were among the top gainers, advancing as much as 9.2% and 6.2%, respectively.';
const OTHER = 'Hong Kong stocks closed lower on Monday as property shares fell on worries about new supply, while tech ' +
  'names were mixed and the Hang Seng Index finished down 0.5 percent at 20,100 points after a quiet session.';

describe('minhashSignature', () => {
  it('ignores case and punctuation; estimates the shingle Jaccard', () => {
    expect(minhashSignature('A b, c d.')).toBe(minhashSignature('a B c D'));
    expect(minhashSignature(TEXT)).toHaveLength(1024);
    // TEXT has 82 words (9.2% is two) = 79 distinct 3-shingles; the credit line adds 5: J = 79/84 = 0.94
    const credit = estimateJaccard(minhashSignature(TEXT), minhashSignature(`${TEXT} (with additional reporting by Reuters)`));
    expect(credit).toBeGreaterThan(0.8);
    expect(credit).toBeLessThan(1);
    // one word changed: 3 of 79 shingles replaced: J = 76/82 = 0.93
    expect(estimateJaccard(minhashSignature(TEXT), minhashSignature(TEXT.replace('Friday', 'Thursday')))).toBeGreaterThan(0.8);
    expect(estimateJaccard(minhashSignature(TEXT), minhashSignature(OTHER))).toBeLessThan(0.1);
    expect(() => estimateJaccard('abc', minhashSignature(TEXT))).toThrow(RangeError);
  });
  it('gives 32 band keys', () => {
    expect(bandKeys(minhashSignature(TEXT))).toHaveLength(32);
  });
});

const key = (id: string, ms: number, url: string | null, text = ''): DedupeKey =>
  ({ id, url, publishedMs: ms, minhash: minhashSignature(text), textLength: text.length });

describe('findDuplicates', () => {
  it('links a later copy with the same URL to the earliest', () => {
    const d = findDuplicates([key('late', 20, 'u'), key('early', 10, 'u'), key('other', 15, 'v')]);
    expect([...d]).toEqual([['late', { duplicateOf: 'early', reason: 'url', similarity: 1 }]]);
  });
  it('links near-duplicate text across sources to the earliest, whatever the input order', () => {
    const edited = `${TEXT} (with additional reporting by Reuters)`;
    const d = findDuplicates([key('b', 30, 'https://b/1', edited), key('a', 10, 'https://a/1', TEXT), key('c', 20, null, TEXT), key('o', 5, null, OTHER)]);
    expect(d.get('b')?.duplicateOf).toBe('a');
    expect(d.get('c')).toEqual({ duplicateOf: 'a', reason: 'near-duplicate', similarity: 1 });
    expect(d.has('a')).toBe(false);
    expect(d.has('o')).toBe(false);
  });
  it('does not judge short texts by similarity (a headline alone is too little)', () => {
    const short = 'Hong Kong stocks close higher';
    expect(short.length).toBeLessThan(MIN_NEAR_DUP_CHARS);
    expect(findDuplicates([key('a', 1, null, short), key('b', 2, null, short)]).size).toBe(0);
  });
  it('property: every link points at an earlier-or-equal original that is not itself a duplicate', () => {
    const texts = [TEXT, `${TEXT} Update.`, OTHER];
    const arb = fc.array(fc.record({ ms: fc.integer({ min: 0, max: 50 }), url: fc.constantFrom(null, 'u1', 'u2'), t: fc.integer({ min: 0, max: 2 }) }), { maxLength: 30 });
    const sigs = texts.map((t) => ({ minhash: minhashSignature(t), textLength: t.length }));
    fc.assert(fc.property(arb, (rows) => {
      const keys: DedupeKey[] = rows.map((r, i) => ({ id: `id${i}`, url: r.url, publishedMs: r.ms, ...sigs[r.t]! }));
      const d = findDuplicates(keys);
      const byId = new Map(keys.map((k) => [k.id, k]));
      for (const [id, m] of d) {
        expect(d.has(m.duplicateOf)).toBe(false);
        expect(byId.get(m.duplicateOf)!.publishedMs).toBeLessThanOrEqual(byId.get(id)!.publishedMs);
      }
      const originals = keys.filter((k) => !d.has(k.id));
      const urls = originals.filter((k) => k.url !== null).map((k) => k.url);
      expect(new Set(urls).size).toBe(urls.length); // originals never share a URL
      // the two near-identical texts (J = 79/80) leave at most one original between them
      expect(originals.filter((k) => k.minhash !== sigs[2]!.minhash).length).toBeLessThanOrEqual(1);
    }), { numRuns: 200 });
  });
});

describe('minhash estimate accuracy', () => {
  it('estimates a known Jaccard within 4 standard errors (SE = sqrt(J(1-J)/128))', () => {
    // two texts of distinct words w0..w(n-1): A = words 0..199, B = words 100..299 -> shingles of A: 198, of B: 198,
    // shared: the shingles inside words 100..199: 98; J = 98 / (198 + 198 - 98) = 98/298 = 0.329
    const words = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `w${from + i}`).join(' ');
    const se = Math.sqrt((0.329 * 0.671) / 128); // 0.0415
    for (const k of [0, 1000, 5000]) {
      const a = minhashSignature(words(k, k + 200)), b = minhashSignature(words(k + 100, k + 300));
      expect(Math.abs(estimateJaccard(a, b) - 98 / 298)).toBeLessThan(4 * se);
    }
    // A = words 0..199, B = words 20..219: 198 shingles each, 178 shared: J = 178 / (198 + 198 - 178) = 178/218 = 0.817
    const a = minhashSignature(words(0, 200)), b = minhashSignature(words(20, 220));
    expect(Math.abs(estimateJaccard(a, b) - 178 / 218)).toBeLessThan(4 * Math.sqrt((0.817 * 0.183) / 128));
  });
});
