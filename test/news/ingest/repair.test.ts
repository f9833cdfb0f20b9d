import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../src/news/repair/canonicalUrl.js';
import { decodeEntities } from '../../../src/news/repair/decodeEntities.js';
import { normalizeLine, normalizeText } from '../../../src/news/repair/normalizeText.js';
import { repairMojibake } from '../../../src/news/repair/repairMojibake.js';
import { htmlToText } from '../../../src/news/sanitize/htmlToText.js';
import { parseMarkdownArticle } from '../../../src/news/parse/parseMarkdownArticle.js';
import { parsePlainTextArticle } from '../../../src/news/parse/parsePlainTextArticle.js';

// Windows-1252 0x80-0x9F (Unicode's cp1252.txt; undefined 81 8D 8F 90 9D kept as C1 controls, as lenient readers do).
// Node's TextDecoder('windows-1252') reads these bytes as Latin-1 C1 controls, so the oracle is written out here.
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const bytesOf = (s: string): number[] => [...new TextEncoder().encode(s)];
const latin1 = (s: string): string => String.fromCharCode(...bytesOf(s)); // bytes as U+0000-U+00FF
/** What a program does when it reads UTF-8 bytes as Windows-1252. */
const mojibake = (s: string): string =>
  bytesOf(s).map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b))).join('');

describe('repairMojibake', () => {
  it('repairs the seed title: "â€”" is the em dash E2 80 94 read as Windows-1252', () => {
    expect(repairMojibake('DeepSeek Breakthrough Fuels Rally in Chinese Tech Stocks â€” Update'))
      .toBe('DeepSeek Breakthrough Fuels Rally in Chinese Tech Stocks — Update');
  });
  it('repairs Windows-1252 and Latin-1 readings of common characters', () => {
    expect(repairMojibake('cafÃ©, naÃ¯ve, â€œquotedâ€\u009d, itâ€™s, 10â‚¬')).toBe('café, naïve, “quoted”, it’s, 10€');
    // Latin-1 reading keeps 0x80-0x9F as C1 controls: ’ = E2 80 99 -> "â\u0080\u0099"
    expect(repairMojibake(latin1('it’s — 恒生'))).toBe('it’s — 恒生');
    expect(repairMojibake(mojibake('阿里巴巴 9988.HK 📈'))).toBe('阿里巴巴 9988.HK 📈');
  });
  it('repairs double encoding (UTF-8 -> cp1252 -> UTF-8 -> cp1252)', () => {
    expect(mojibake(mojibake('—'))).toBe('Ã¢â‚¬â€\u009d');
    expect(repairMojibake(mojibake(mojibake('Tech — Update “AI”')))).toBe('Tech — Update “AI”');
  });
  it('leaves correct text alone, including accents next to punctuation', () => {
    for (const s of ['café — naïve', 'Zürich: “ok” – fine', 'Hang Seng 恒生指數', 'Ñandú · 50%', 'São Paulo’s']) {
      expect(repairMojibake(s)).toBe(s);
    }
  });
  it('leaves an accented capital before a curly quote or dash alone (NESTLÉ’s, “CAFÉ”)', () => {
    // É is U+00C9, a UTF-8 lead byte C9 as Windows-1252; ’ is cp1252 0x92 and ” 0x94, continuation bytes.
    // Read as bytes, "É’" = C9 92 = U+0252 ("ɒ") and "É”" = C9 94 = U+0254 ("ɔ"): valid UTF-8, but the text was correct.
    for (const s of ['NESTLÉ’s shares fell', 'a “CAFÉ” chain', 'PIÑ– cut', 'BJÖ“RN']) expect(repairMojibake(s)).toBe(s);
    // Real mojibake of the same shape still repairs: "Ã‰" is É (C3 89), "Ã–" is Ö (C3 96), and Cyrillic т (D1 82)
    // read as cp1252 "Ñ‚" after a non-letter.
    expect(repairMojibake('CAFÃ‰ ZÃ–LLNER Ð¡Ñ‚')).toBe('CAFÉ ZÖLLNER Ст');
  });
  it('property: mojibake (once or twice) of text is repaired exactly', () => {
    const alphabet = fc.constantFrom(...'abcXYZ 019.,%$—–“”‘’…€•™中国恒生科技阿里巴巴αβγ😀🚀\n'.match(/./gsu) ?? []);
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (s) => {
      expect(repairMojibake(s)).toBe(s);
      expect(repairMojibake(mojibake(s))).toBe(s);
      expect(repairMojibake(mojibake(mojibake(s)))).toBe(s);
    }), { numRuns: 1000 });
  });
});

describe('decodeEntities / normalizeText', () => {
  it('decodes decimal, hex and named entities once', () => {
    expect(decodeEntities('AT&amp;T &#8212; &#x2014; &mdash; &hellip; &nbsp;|&amp;amp;|&bogus;|&#0;'))
      .toBe('AT&T — — — … \u00a0|&amp;|&bogus;|\ufffd');
  });
  it('keeps unknown names that are Object.prototype members as written (&constructor; is not an entity)', () => {
    // the name table is a plain object: a lookup of "constructor" found Object itself and printed its source text
    expect(decodeEntities('a &constructor; b &toString; c &hasOwnProperty;')).toBe('a &constructor; b &toString; c &hasOwnProperty;');
  });
  it('repairs, decodes, straightens quotes and normalises whitespace, keeping paragraphs', () => {
    expect(normalizeText('  Itâ€™s\u00a0 up\r\n\r\n\r\n“ok”  \t x\u200b ')).toBe('It\'s up\n\n"ok" x');
    expect(normalizeText('a\u00a0\u00a0b\u3000c\r\nline two\rthree')).toBe('a b c\nline two\nthree');
    expect(normalizeLine(' Title\n  on two\n\nlines ')).toBe('Title on two lines');
    expect(normalizeText('cafe\u0301')).toBe('café'); // NFC
  });
});

describe('entities are decoded once, by the format parser (issue 15: "HTML entities decoded twice")', () => {
  it('normalizeText leaves references alone: its input is text the parser already decoded', () => {
    // <p>AT&amp;amp;T</p> is the HTML for the text "AT&amp;T" (the publisher wrote the reference itself): one decode
    expect(normalizeText(htmlToText('<p>AT&amp;amp;T &amp;lt;b&amp;gt;</p>'))).toBe('AT&amp;T &lt;b&gt;');
    expect(normalizeText('R&amp;D')).toBe('R&amp;D');
  });
  it('Markdown and plain text decode their references once', () => {
    const md = parseMarkdownArticle('---\ntitle: "AT&amp;T &amp;amp; co"\ndate: 2025-01-01\n---\nCaf&eacute; &amp;amp; bar', 'a.md');
    expect([md.title, md.body]).toEqual(['AT&T &amp; co', 'Café &amp; bar']);
    expect(parsePlainTextArticle('Title: R&amp;D\nDate: 2025-01-01\n\nx &amp;amp; y', 't.txt').body).toBe('x &amp; y');
  });
});

describe('canonicalUrl', () => {
  it('strips tracking parameters and the fragment, keeps meaningful ones', () => {
    expect(canonicalUrl('HTTPS://News.Example.com:443/a/b?id=3&utm_source=x&UTM_Medium=y&fbclid=z&gclid=q#top'))
      .toBe('https://news.example.com/a/b?id=3');
    expect(canonicalUrl('https://news.rthk.hk/rthk/en/component/k2/1773218-20241004.htm?spm=a.b&mc_cid=1'))
      .toBe('https://news.rthk.hk/rthk/en/component/k2/1773218-20241004.htm');
    expect(canonicalUrl('http://x.com/p?page=2&ref=home')).toBe('http://x.com/p?page=2&ref=home');
  });
  it('keeps a cid parameter: many news CMSs use it as the content id, and two articles must not share a URL (and an id)', () => {
    // with cid stripped both became https://news.example/article.php, so the second story was dropped as a same-URL copy
    const a = canonicalUrl('https://news.example/article.php?cid=101');
    const b = canonicalUrl('https://news.example/article.php?cid=102');
    expect(a).toBe('https://news.example/article.php?cid=101');
    expect(b).not.toBe(a);
  });
  it('refuses what is not an absolute http(s) URL', () => {
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('/relative/path')).toBeNull();
    expect(canonicalUrl('data:text/html,hi')).toBeNull();
  });
});
