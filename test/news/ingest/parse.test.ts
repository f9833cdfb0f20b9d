import { describe, expect, it } from 'vitest';
import { buildArticle, publisherName } from '../../../src/news/parse/buildArticle.js';
import { FormatError } from '../../../src/news/parse/formatError.js';
import { makeSnippet } from '../../../src/news/parse/makeSnippet.js';
import { parseMarkdownArticle } from '../../../src/news/parse/parseMarkdownArticle.js';
import { parsePlainTextArticle } from '../../../src/news/parse/parsePlainTextArticle.js';
import { parsePublishedDate } from '../../../src/news/parse/parsePublishedDate.js';
import { tokenizeForSearch } from '../../../src/news/parse/tokenizeForSearch.js';

describe('parsePublishedDate', () => {
  it('keeps the written offset and the original text', () => {
    const d = parsePublishedDate('2024-10-04T10:05:00+08:00', 'UTC');
    // 10:05 at +08:00 = 02:05 UTC = Date.UTC(2024, 9, 4, 2, 5)
    expect(d).toEqual({ publishedAt: '2024-10-04T10:05:00+08:00', publishedMs: Date.UTC(2024, 9, 4, 2, 5), publishedAtText: '2024-10-04T10:05:00+08:00' });
  });
  it('reads a date without offset in the assumed zone and says so', () => {
    const d = parsePublishedDate('2025-02-07 16:10:53', 'Asia/Hong_Kong');
    // 16:10:53 HKT = 08:10:53 UTC
    expect(d.publishedAt).toBe('2025-02-07T16:10:53+08:00');
    expect(d.publishedMs).toBe(Date.UTC(2025, 1, 7, 8, 10, 53));
    expect(d.timeZoneAssumed).toBe('Asia/Hong_Kong');
    expect(parsePublishedDate('2025-02-07', 'UTC').publishedAt).toBe('2025-02-07T00:00:00Z');
  });
  it('keeps an hour-only ISO offset (+08) as written and assumes no zone', () => {
    // 16:10:53+08 is 08:10:53Z = 1738915853000 ms. Read as "no offset" with assumeZone UTC, it came out as
    // 2025-02-07T08:10:53Z with timeZoneAssumed 'UTC': the written +08:00 was lost and a zone claimed assumed.
    const d = parsePublishedDate('2025-02-07T16:10:53+08', 'UTC');
    expect(d).toEqual({ publishedAt: '2025-02-07T16:10:53+08:00', publishedMs: 1738915853000, publishedAtText: '2025-02-07T16:10:53+08' });
    // a date alone ends in "-07" too, and stays a date without offset
    expect(parsePublishedDate('2025-02-07', 'Asia/Hong_Kong').timeZoneAssumed).toBe('Asia/Hong_Kong');
  });
  it('reads RSS (RFC 2822) dates with numeric and named offsets', () => {
    expect(parsePublishedDate('Fri, 07 Feb 2025 08:01:00 +0800', 'UTC').publishedAt).toBe('2025-02-07T08:01:00+08:00');
    expect(parsePublishedDate('Fri, 07 Feb 2025 08:01:00 GMT', 'Asia/Hong_Kong').publishedMs).toBe(Date.UTC(2025, 1, 7, 8, 1));
  });
  it('refuses impossible dates, words and unknown zones', () => {
    expect(() => parsePublishedDate('2025-02-30', 'UTC')).toThrow(RangeError);
    expect(() => parsePublishedDate('yesterday', 'UTC')).toThrow(/not a date/);
    expect(() => parsePublishedDate('', 'UTC')).toThrow(/empty/);
    expect(() => parsePublishedDate('2025-02-07 10:00', 'Mars/Olympus')).toThrow();
  });
});

const SEED_LAYOUT = `---
title: "DeepSeek Breakthrough Fuels Rally in Chinese Tech Stocks â€” Update"
date: "2025-02-07 16:10:53"
summary: "By Sherry Qin A Nasdaq-like index..."
categories:
  - "morningstar"
lang:
  - "en"
tags:
  - "morningstar"
---

By Sherry Qin

A Nasdaq-like index **rose** as much as 2.9%. See [the chart](https://x.com/c?utm_source=a).

[morningstar](https://www.morningstar.com/news/dow-jones/202502073112/deepseek?utm_medium=rss)
`;

const RTHK_LAYOUT = `---
title: "Hong Kong stocks track Wall Street lower at opening"
date: 2024-10-04T10:05:00+08:00
source: RTHK (Radio Television Hong Kong), English finance news
url: https://news.rthk.hk/rthk/en/component/k2/1773218-20241004.htm
language: en
category: finance
image_caption: "The Hang Seng Index opened about half a percentage lower. Photo: RTHK"
---

The Hang Seng Index fell 98.43 points, or 0.45 percent, to open at 22,015.08 points on Friday.
`;

describe('parseMarkdownArticle + buildArticle', () => {
  it('reads the Hugo seed layout: quoted date without offset, source link at the end, title repaired', () => {
    const a = buildArticle(parseMarkdownArticle(SEED_LAYOUT, 'seed.md'), { assumeZone: 'Asia/Hong_Kong' });
    expect(a.title).toBe('DeepSeek Breakthrough Fuels Rally in Chinese Tech Stocks — Update');
    expect(a.url).toBe('https://www.morningstar.com/news/dow-jones/202502073112/deepseek');
    expect(a.source).toBe('morningstar');
    expect(a.language).toBe('en');
    expect(a.publishedAt).toBe('2025-02-07T16:10:53+08:00');
    expect(a.publishedAtText).toBe('2025-02-07 16:10:53');
    expect(a.timeZoneAssumed).toBe('Asia/Hong_Kong');
    expect(a.body).toBe('By Sherry Qin\n\nA Nasdaq-like index rose as much as 2.9%. See the chart.');
    expect(a.categories).toEqual(['morningstar']);
    expect(a.format).toBe('markdown');
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a.minhash).toMatch(/^[0-9a-f]{1024}$/);
  });
  it('reads the RTHK layout: unquoted ISO date with +08:00 kept as text, publisher shortened', () => {
    const a = buildArticle(parseMarkdownArticle(RTHK_LAYOUT, 'r.md'), { assumeZone: 'UTC' });
    expect(a.publishedAt).toBe('2024-10-04T10:05:00+08:00');
    expect(a.publishedAtText).toBe('2024-10-04T10:05:00+08:00');
    expect(a.timeZoneAssumed).toBeUndefined();
    expect(a.source).toBe('RTHK');
    expect(a.categories).toEqual(['finance']);
    expect(a.url).toBe('https://news.rthk.hk/rthk/en/component/k2/1773218-20241004.htm');
  });
  it('names the line of broken front matter', () => {
    const broken = '---\ntitle: "ok"\ndate: [2025-01-01\nurl: x\n---\nbody';
    try {
      parseMarkdownArticle(broken, 'b.md');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).field).toBe('front matter');
      expect((e as FormatError).line).toBeGreaterThanOrEqual(3);
    }
    expect(() => parseMarkdownArticle('no front matter here', 'c.md')).toThrow(/no YAML front matter/);
    expect(() => parseMarkdownArticle('---\ndate: 2025-01-01\n---\nbody', 'd.md')).toThrow(/field "title": missing/);
    expect(() => parseMarkdownArticle('---\ntitle: {a: 1}\ndate: 2025-01-01\n---\n', 'e.md')).toThrow(/line 2: field "title": expected text/);
  });
  it('reads front matter with the yaml library: prototype names are text, numbers and booleans typed, duplicates keep the last', () => {
    // the hand-written fast path it replaced once read "constructor" as Object itself (a title that was a function)
    const raw = parseMarkdownArticle('---\ntitle: constructor\nsource: toString\n__proto__: x\ntags: [a, 12]\ndate: 2025-01-01T00:00:00Z\ndate: 2025-01-02T00:00:00Z\n---\nb', 'p.md');
    expect(raw.title).toBe('constructor');
    expect(raw.source).toBe('toString');
    expect(raw.tags).toEqual(['a', '12']);
    expect(raw.dateText).toBe('2025-01-02T00:00:00Z');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype); // `__proto__: x` set a key, not the prototype
  });
  it('refuses an article without a usable date, naming the field', () => {
    const raw = parseMarkdownArticle('---\ntitle: A\ndate: someday\n---\nbody', 'f.md');
    expect(() => buildArticle(raw, { assumeZone: 'UTC' })).toThrow(/field "date": value "someday"/);
  });
  it('strips hostile HTML inside a Markdown body', () => {
    const md = '---\ntitle: A\ndate: 2025-01-01T00:00:00Z\n---\nHello <script>alert(1)</script><img src=x onerror=alert(2)> <b onclick="x()">world</b>';
    expect(buildArticle(parseMarkdownArticle(md, 'g.md'), { assumeZone: 'UTC' }).body).toBe('Hello world');
  });
});

describe('parsePlainTextArticle', () => {
  it('reads header lines, then the body', () => {
    const r = parsePlainTextArticle('Title: Stocks up\nDate: 2025-02-07T10:00:00+08:00\nSource: Wire\n\nBody line.', 'a.txt');
    expect([r.title, r.dateText, r.source, r.body]).toEqual(['Stocks up', '2025-02-07T10:00:00+08:00', 'Wire', 'Body line.']);
  });
  it('refuses text without a Date header', () => {
    expect(() => parsePlainTextArticle('Just a headline\n\nand text', 'b.txt')).toThrow(/field "date": missing/);
  });
});

describe('search text helpers', () => {
  it('tokenizes with stopwords, plural stemming and Chinese bigrams', () => {
    expect(tokenizeForSearch("Tariffs hit the companies' shares")).toEqual(['tariff', 'hit', 'company', 'share']);
    expect(tokenizeForSearch('US status 2025s')).toEqual(['us', 'status', '2025s']);
    expect(tokenizeForSearch('恒生指數')).toEqual(['恒生', '生指', '指數']);
  });
  it('makes a snippet around the first hit', () => {
    // hit "tariffs" at 17; start 17 - 20/4 = 12 moves to the next word (13); 20 chars end at 33, cut back to the space at 28
    expect(makeSnippet('Stocks fell. New tariffs hit exporters hard.', ['tariff'], 20)).toBe('… New tariffs hit…');
    expect(makeSnippet('short text', ['x'])).toBe('short text');
  });
  it('shortens "ACRONYM (Long name), ..." publishers only', () => {
    expect(publisherName('RTHK (Radio Television Hong Kong), English finance news')).toBe('RTHK');
    expect(publisherName('Reuters')).toBe('Reuters');
  });
});
