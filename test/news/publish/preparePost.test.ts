import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../../src/news/parse/buildArticle.js';
import { parseMarkdownArticle } from '../../../src/news/parse/parseMarkdownArticle.js';
import { minhashSignature } from '../../../src/news/dedupe/minhash.js';
import { planPublication, uniqueFileNames, type ExistingPostKey, type PublishCandidate } from '../../../src/news/publish/planPublication.js';
import { postLang, preparePost, sourceShortName } from '../../../src/news/publish/preparePost.js';
import { repairPostLine, repairPostText } from '../../../src/news/publish/repairPostText.js';

const ZONE = 'Asia/Hong_Kong';
const prepare = (md: string) => {
  const raw = parseMarkdownArticle(md, 'a.md');
  return preparePost({ raw, article: buildArticle(raw, { assumeZone: ZONE }), securities: [], zone: ZONE });
};

describe('repairPostText', () => {
  it('repairs mojibake and whitespace only: quotes, dashes and indentation stay as written', () => {
    // "â€™" is ’ (E2 80 99) read as Windows-1252; “ ” stay curly; NBSP + space collapse to one space
    expect(repairPostText('Itâ€™s “up”\u00a0 now\r\n\r\n\r\n  - item  \n')).toBe('It’s “up” now\n\n  - item');
    expect(repairPostLine('DeepSeek Rally â€” Update\n second line')).toBe('DeepSeek Rally — Update second line');
  });
});

describe('preparePost', () => {
  it('takes a Markdown body as written, its closing link apart, the date in the desk zone', () => {
    const p = prepare('---\ntitle: "A &amp; B â€” Update"\ndate: 2025-02-07T08:10:53Z\nsource: RTHK (Radio Television Hong Kong)\nlanguage: en\n---\n\nSee **this** [chart](https://e.org/c).\n\n[morningstar](https://e.org/a?utm_source=x)\n');
    expect(p.title).toBe('A & B — Update'); // entity decoded once by the parser, mojibake repaired
    expect(p.date).toBe('2025-02-07 16:10:53'); // 08:10:53Z is 16:10:53 in Hong Kong (UTC+8)
    expect(p.bodyMarkdown).toBe("See **this** [chart](https://e.org/c).");
    expect(p.bodyText).toBe('See this chart.');
    expect(p.closingLink).toBe('[morningstar](https://e.org/a?utm_source=x)');
    expect(p.url).toBe('https://e.org/a'); // canonical: tracking parameter gone
    expect(p.sourceName).toBe('rthk');
    expect(p.layout).toBeNull();
  });
  it('republishes a Markdown body with raw HTML as its text, never as markup', () => {
    const p = prepare('---\ntitle: A\ndate: 2025-02-07\n---\nHello <script>alert(1)</script><b onclick="x()">world</b>\n');
    expect(p.bodyMarkdown).toBeNull();
    expect(p.bodyText).toBe('Hello world');
  });
  it('reads the language tag, Chinese by script or region', () => {
    expect(postLang('en-US', '')).toBe('en');
    expect(postLang('zh-HK', '')).toBe('zh-Hant');
    expect(postLang('zh_TW', '')).toBe('zh-Hant');
    expect(postLang('zh-Hans-CN', '')).toBe('zh-Hans');
    expect(postLang('zh', '')).toBe('zh');
    expect(postLang('und', '恒指收市')).toBe('zh');
    expect(postLang('und', 'Stocks rose')).toBe('en');
  });
  it('shortens the source to a lower-case name', () => {
    expect(sourceShortName('RTHK')).toBe('rthk');
    expect(sourceShortName('Indexwire demo (simulated)')).toBe('indexwire-demo-simulated');
    expect(sourceShortName('***')).toBe('news');
  });
});

const text = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 37} token${i % 11} item${i}`).join(' ');
const key = (id: string, ms: number, body: string, url: string | null = `https://e.org/${id}`) => ({ id, url, publishedMs: ms, minhash: minhashSignature(body), textLength: body.length });

describe('planPublication', () => {
  const same = text(80);
  it('publishes each article once: same id read twice, near-duplicates in the run, and articles already in the folder', () => {
    const existing: ExistingPostKey[] = [{ ...key('p1', 1, same), file: '2025-01-01-old.en.md' }];
    const candidates: PublishCandidate[] = [
      { ...key('p1', 1, `${same} updated`), origin: 'a.md' }, // the published article itself: rewritten in place
      { ...key('c1', 5, `${same}!`), origin: 'b.md' }, // same text as the published p1, other URL
      { ...key('n1', 2, text(90).replace(/item/g, 'x')), origin: 'c.md' },
      { ...key('n2', 3, `${text(90).replace(/item/g, 'x')} (AFP)`), origin: 'd.md' }, // near-duplicate of n1, later
      { ...key('n1', 9, 'later copy', 'https://e.org/n1'), origin: 'e.md' }, // n1 again, published later
    ];
    expect(planPublication(candidates, existing)).toEqual([
      { action: 'publish', id: 'p1', origin: 'a.md', file: '2025-01-01-old.en.md' },
      { action: 'skip', id: 'c1', origin: 'b.md', reason: 'already-published', duplicateOf: '2025-01-01-old.en.md' },
      { action: 'publish', id: 'n1', origin: 'c.md', file: null },
      { action: 'skip', id: 'n2', origin: 'd.md', reason: 'near-duplicate', duplicateOf: 'c.md' },
      { action: 'skip', id: 'n1', origin: 'e.md', reason: 'same-url', duplicateOf: 'c.md' },
    ]);
  });
  it('does not publish an earlier copy of a text that already has a post', () => {
    // the folder's post is the later copy: the group's original is the new article, but the text is published
    const existing: ExistingPostKey[] = [{ ...key('late', 10, same), file: 'late.en.md' }];
    expect(planPublication([{ ...key('early', 1, `${same}.`), origin: 'x.md' }], existing))
      .toEqual([{ action: 'skip', id: 'early', origin: 'x.md', reason: 'already-published', duplicateOf: 'late.en.md' }]);
  });
});

describe('uniqueFileNames', () => {
  it('keeps a name free or held by the same article, and suffixes the id otherwise', () => {
    const taken = new Map([['2025-02-07-stocks-open-lower.en.md', 'aaaaaa11']]);
    expect(uniqueFileNames([
      { id: 'aaaaaa11', fileName: '2025-02-07-stocks-open-lower.en.md' },
      { id: 'bbbbbb22', fileName: '2025-02-07-stocks-open-lower.en.md' },
      { id: 'cccccc33', fileName: '2025-02-07-stocks-close-higher.en.md' },
    ], taken)).toEqual(['2025-02-07-stocks-open-lower.en.md', '2025-02-07-stocks-open-lower-bbbbbb.en.md', '2025-02-07-stocks-close-higher.en.md']);
  });
});
