import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleFieldError, buildArticleReport } from '../../../src/news/parse/buildArticle.js';
import { FormatError } from '../../../src/news/parse/formatError.js';
import { parseFeedXmlSync } from '../../../src/sources/feeds/parseFeedXml.js';
import { decodeNewsBytes } from '../../../src/sources/newsFiles/decodeNewsBytes.js';

// Real shapes: an RTHK-style RSS 2.0 item, an Atom 1.0 entry with xhtml and html constructs, an RSS 1.0 (RDF) item.
const SEEDS = [
  `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>RTHK (Radio Television Hong Kong), English finance news</title><link>https://news.rthk.hk/</link><language>en</language>
<item><title>Hong Kong stocks track Wall Street lower at opening</title><link>https://news.rthk.hk/rthk/en/component/k2/1773218-20241004.htm</link>
<pubDate>Fri, 04 Oct 2024 10:05:00 +0800</pubDate><category domain="x">finance</category>
<description><![CDATA[<p>The Hang Seng Index fell 98.43 points, or 0.45 percent, to open at 22,015.08 &amp; more.</p>]]></description>
<content:encoded><![CDATA[<p>Full text with <a href="/rel">a link</a> and <img src="https://x.example/i.png"></p>]]></content:encoded></item>
<item><title>AT&amp;T &#8212; Tencent &lt;b&gt;up&lt;/b&gt;</title><guid>https://news.rthk.hk/g/2</guid><dc:date>2025-02-07T16:10:53+08:00</dc:date></item>
</channel></rss>`,
  `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/news/"><title type="html">Desk &lt;i&gt;wire&lt;/i&gt;</title>
<link rel="alternate" href="https://atom.example/"/>
<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Kingdee <b>jumps</b> 14.5%</div></title><link href="k.html"/><id>urn:k</id>
<published>2025-02-07T08:01:00-05:00</published><updated>2025-02-07T09:00:00-05:00</updated><updated>2025-02-07T10:00:00-05:00</updated>
<summary type="text">History of the &lt;blink&gt; tag</summary><content type="html">&lt;p&gt;DeepSeek &amp;amp; AI&lt;/p&gt;</content>
<category term="tech" label="Technology"/></entry></feed>`,
  `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://r.example/"><title>RDF</title><link>https://r.example/</link></channel>
<item rdf:about="https://r.example/1"><title>Caf&#233; opens</title><link>https://r.example/1</link><dc:date>2025-02-07T16:00:00+08:00</dc:date>
<description>Plain &amp; simple</description></item></rdf:RDF>`,
];

const JS_ERROR_TEXT = /TypeError|ReferenceError|RangeError:|Cannot read|is not a function|\bundefined\b(?! entity)|Cannot convert|\[object /;

/** Random edits of a seed: delete, insert markup-ish or random text, duplicate or cut. */
const mutated = fc.tuple(fc.nat(SEEDS.length - 1), fc.array(fc.tuple(
  fc.constantFrom('delete', 'insert', 'duplicate', 'truncate'),
  fc.noBias(fc.integer({ min: 0, max: 10_000 })).map((n) => n / 10_000), // where, uniformly (not biased towards 0)
  fc.nat(40),
  fc.oneof(fc.constantFrom('<', '>', '&', '"', '</item>', '<item>', '<entry>', '<![CDATA[', ']]>', '&nbsp;', '&#0;', '&#xD800;',
    '<!DOCTYPE x [<!ENTITY a "&a;&a;">]>', '&a;', 'xmlns:x="', '<title type="xhtml">', '\u0000', '\ufffd', 'â€'), fc.string({ maxLength: 8 })),
), { minLength: 1, maxLength: 4 })).map(([i, edits]) => {
  let s = SEEDS[i]!;
  for (const [op, at, len, text] of edits) {
    const p = Math.floor(at * s.length);
    if (op === 'delete') s = s.slice(0, p) + s.slice(p + len);
    else if (op === 'insert') s = s.slice(0, p) + text + s.slice(p);
    else if (op === 'duplicate') s = s.slice(0, p + len) + s.slice(p, p + len) + s.slice(p + len);
    else s = s.slice(0, p);
  }
  return s;
});

describe('random mutations of real RSS and Atom (issue 17 acceptance: >= 10,000 cases)', () => {
  it('never throw anything but a clear refusal; every rejection is one line without a JavaScript error text', () => {
    let items = 0, refusedFiles = 0;
    fc.assert(fc.property(mutated, (xml) => {
      let feed;
      try {
        feed = parseFeedXmlSync(xml, 'm.xml');
      } catch (e) {
        expect(e).toBeInstanceOf(FormatError);
        expect((e as Error).message).not.toMatch(JS_ERROR_TEXT);
        refusedFiles++;
        return;
      }
      for (const r of feed.rejected) expect(r.reason).not.toMatch(JS_ERROR_TEXT);
      for (const w of feed.warnings) expect(w).toMatch(/^line \d+: not well-formed XML \(.+\): read with the forgiving parser, \d+ item\(s\) kept$/);
      for (const raw of feed.items) {
        items++;
        try {
          const { article } = buildArticleReport(raw, { assumeZone: 'UTC' });
          expect(article.title).not.toBe('');
          expect(article.source).not.toMatch(/<script|onerror=/i);
          expect(article.bodyHtml ?? '').not.toMatch(/<script|onerror=|javascript:/i);
        } catch (e) {
          expect(e).toBeInstanceOf(ArticleFieldError);
          expect((e as Error).message).toMatch(/^field "\w+": /);
        }
      }
    }), { numRuns: 10_000, seed: 17 });
    // the reader recovers rather than gives up: the seeds hold 4 items in 3 feeds, so 10,000 untouched cases would give 13,333
    expect(items).toBeGreaterThan(4_000);
    expect(refusedFiles).toBeLessThan(2_000);
  });
  it('random bytes and mutated bytes decode or are refused with a reason, never throw', () => {
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }),
      fc.tuple(fc.nat(SEEDS.length - 1), fc.uint8Array({ minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true })).map(([i, junk, at]) => {
        const b = Buffer.from(SEEDS[i]!);
        const p = Math.floor(at * b.length);
        return Buffer.concat([b.subarray(0, p), junk, b.subarray(p)]);
      })), (bytes) => {
      const d = decodeNewsBytes(bytes);
      if (!d.ok) expect(d.reason).toMatch(/^binary file/);
      else expect(typeof d.text).toBe('string');
    }), { numRuns: 10_000, seed: 15 });
  });
});
