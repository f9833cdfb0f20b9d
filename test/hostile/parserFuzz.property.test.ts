import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexwireError } from '../../src/core/errors.js';
import { parseMethodology } from '../../src/engine/methodology/parseMethodology.js';
import { ArticleFieldError } from '../../src/news/parse/buildArticle.js';
import { FormatError } from '../../src/news/parse/formatError.js';
import { parseMarkdownArticle } from '../../src/news/parse/parseMarkdownArticle.js';
import { parseBarsCsv } from '../../src/sources/csvBars/parseBarsCsv.js';
import { screenBars } from '../../src/sources/csvBars/screenBars.js';
import { parseMembersCsv } from '../../src/sources/members/parseMembersCsv.js';
import { parseFeedXmlSync } from '../../src/sources/feeds/parseFeedXml.js';
import type { SessionDate } from '../../src/core/units.js';
import { REPO_ROOT } from '../support/sharedData.js';

/**
 * Issue 15: random bytes and random mutations of real CSV, YAML, Markdown and RSS fed to each parser in process,
 * 10,000 cases each. A parser may refuse its input only with the project's own errors (InputError, ConfigError,
 * FormatError... which the CLI prints as one line); any other exception (TypeError, RangeError, a stack overflow)
 * is an uncaught exception and fails.
 */
const RUNS = 10_000;

const CSV_SEED = `date,open,high,low,close,adj_close,volume
2025-02-05,21.35,21.9,21.05,21.5,21.5,123456
2025-02-06,21.6,22.45,21.4,22.3,22.3,234567
2025-02-07,22.4,23.15,22.1,22.95,22.95,345678
`;
const YAML_SEED = readFileSync(join(REPO_ROOT, 'methodologies/hstech-replica.yaml'), 'utf8');
const MD_SEED = `---
title: "Hang Seng Tech Index enters bull market as Lenovo, Xiaomi lead"
date: 2025-02-07T16:10:53+08:00
categories: [markets]
tags: [HSTECH, Lenovo]
---

The Hang Seng Tech Index rose as much as **2.9%** on Friday, [Reuters](https://example.com/a) said.

[rthk](https://news.rthk.hk/rthk/en/component/k2/1793218-20250207.htm)
`;
const RSS_SEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>RTHK</title><link>https://news.rthk.hk/</link>
<item><title>Hong Kong stocks track Wall Street lower &amp; more</title><link>https://news.rthk.hk/a-20241004.htm</link>
<pubDate>Fri, 04 Oct 2024 10:05:00 +0800</pubDate><description><![CDATA[<p>The Hang Seng Index fell 98.43 points.</p>]]></description></item>
</channel></rss>`;

/** Bytes read as the parsers read files: UTF-8 with replacement characters. */
const randomText = fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8'));

const TOKENS = ['\r', '\n', '\r\n', ',', '"', '---', ':', '&', '*a', '&a ', '[', '{', '<', '</item>', '<![CDATA[', '\u0000', '\ufffd', '-1', '1e308', 'NaN', '0x10', '2025-02-08', '0000-01-01', '  '];

/** Random edits of a seed: delete a span, insert a token or random text, duplicate a span, cut the end. */
function mutationsOf(seed: string): fc.Arbitrary<string> {
  const edit = fc.tuple(
    fc.constantFrom('delete', 'insert', 'duplicate', 'truncate'),
    fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000),
    fc.nat(30),
    fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let s = seed;
    for (const [kind, where, len, text] of edits) {
      const at = Math.floor(where * s.length);
      if (kind === 'delete') s = s.slice(0, at) + s.slice(at + len);
      else if (kind === 'insert') s = s.slice(0, at) + text + s.slice(at);
      else if (kind === 'duplicate') s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at);
      else s = s.slice(0, at);
    }
    return s;
  });
}

const ownError = (e: unknown) => e instanceof IndexwireError || e instanceof FormatError || e instanceof ArticleFieldError;

function neverThrowsForeign(input: fc.Arbitrary<string>, parse: (text: string) => unknown): void {
  fc.assert(
    fc.property(input, (text) => {
      try {
        parse(text);
      } catch (e) {
        if (!ownError(e)) throw new Error(`uncaught ${(e as Error).name}: ${(e as Error).message} on ${JSON.stringify(text.slice(0, 200))}`);
        // the project's errors are one line (the CLI prints the first line only)
        expect((e as Error).message.length).toBeGreaterThan(0);
      }
    }),
    { numRuns: RUNS },
  );
}

const parsers: ReadonlyArray<readonly [string, string, (t: string) => unknown]> = [
  ['CSV bars (parse + plausibility screen)', CSV_SEED, (t) => screenBars(parseBarsCsv(t, 'F.csv'), { today: '2026-01-01' as SessionDate })],
  ['CSV members', 'symbol,name,from,to\n0700.HK,Tencent,2020-07-27,\n9988.HK,Alibaba,2020-07-27,2024-03-11\n', (t) => parseMembersCsv(t, 'm.csv')],
  ['YAML methodology', YAML_SEED, (t) => parseMethodology(t, 'm.yaml')],
  ['Markdown article', MD_SEED, (t) => parseMarkdownArticle(t, 'a.md')],
  ['RSS feed', RSS_SEED, (t) => parseFeedXmlSync(t, 'f.xml')],
];

describe('every parser on random bytes and mutated real input: zero uncaught exceptions (10,000 cases each)', () => {
  for (const [name, seed, parse] of parsers) {
    it(`${name}: random bytes`, () => neverThrowsForeign(randomText, parse), 300_000);
    it(`${name}: mutations of a real file`, () => neverThrowsForeign(mutationsOf(seed), parse), 300_000);
  }
});
