import { mkdtempSync, mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestNews } from '../../../src/app/news/ingest.js';
import { loadArticlesFromPath } from '../../../src/app/news/loadArticles.js';
import { boundMs, searchNews } from '../../../src/app/news/search.js';
import { MemoryNewsStore } from '../../../src/store/news/MemoryNewsStore.js';
import { DuckDbNewsStore } from '../../../src/store/news/DuckDbNewsStore.js';
import { ATOM, RSS } from './formats.test.js';

const LONG = 'The Hang Seng Tech Index, which tracks the 30 largest technology companies listed in the city, rose as much as ' +
  '2.9% on Friday, reflecting a rise of more than 20% from its January low. The index is closing in on its 2024 high ' +
  'reached in October but is still far from the all-time high recorded in early 2021.';
const md = (title: string, date: string, url: string | null, body: string): string =>
  `---\ntitle: "${title}"\ndate: ${date}\nsource: Wire\n${url ? `url: ${url}\n` : ''}---\n\n${body}\n`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iw-news-'));
  mkdirSync(join(dir, 'sub/deeper'), { recursive: true });
  writeFileSync(join(dir, 'good1.md'), md('Tech rally', '2025-02-07T16:00:00+08:00', 'https://w.example/1?utm_source=x', LONG));
  // same story elsewhere, published later, different URL, credit line added: a near-duplicate
  writeFileSync(join(dir, 'sub/copy.md'), md('Tech rally (Wire)', '2025-02-07T17:00:00+08:00', 'https://other.example/9', `${LONG} (with additional reporting by Reuters)`));
  // same canonical URL as good1 (tracking parameter differs), later: one row, both origins kept
  writeFileSync(join(dir, 'sub/deeper/sameurl.md'), md('Tech rally', '2025-02-07T18:00:00+08:00', 'https://w.example/1?fbclid=abc', LONG));
  writeFileSync(join(dir, 'wire.xml'), RSS);
  writeFileSync(join(dir, 'atom.atom'), ATOM);
  writeFileSync(join(dir, 'note.txt'), 'Title: Stimulus hopes\nDate: 2025-03-05T09:00:00+08:00\n\nBeijing pledged more stimulus for consumption.');
  writeFileSync(join(dir, 'broken.md'), '---\ntitle: "unclosed\ndate: 2025-01-01\n---\nbody');
  writeFileSync(join(dir, 'bad.xml'), '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>x</titl></item></channel></rss>');
  writeFileSync(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(dir, 'huge.html'), '');
  truncateSync(join(dir, 'huge.html'), 6 * 1024 * 1024); // sparse 6 MiB file: over the 5 MiB limit
  writeFileSync(join(dir, 'hostile.html'), `<html><head><meta property="article:published_time" content="2025-02-07T12:00:00+08:00">
<title>Hostile page</title></head><body><article><h1>Hostile page</h1>
<p>Xiaomi shares climbed after the company said its electric vehicle deliveries beat targets for the month.</p>
<p onmouseover="steal()">More text about Xiaomi and the EV market in China, with <a href="javascript:alert(1)">a bad link</a>.</p>
<script>document.cookie</script><iframe src="https://evil.example"></iframe><svg><script>alert(1)</script></svg></article></body></html>`);
  writeFileSync(join(dir, 'readme.pdf'), '%PDF-1.4');
  writeFileSync(join(dir, '.hidden.md'), md('Hidden', '2025-01-01T00:00:00Z', null, 'never read'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingestNews: a folder with every format and every kind of bad input', () => {
  it('ingests the good items, rejects each bad one with file, line and field, and links duplicates', async () => {
    const store = new MemoryNewsStore();
    const s = await ingestNews([dir], { store });
    const reasons = s.rejected.map((r) => r.reason.replace(dir, '<dir>'));
    expect(reasons).toEqual(expect.arrayContaining([
      // not well-formed (</titl>): its item is recovered, and refused only for having no date
      expect.stringMatching(/^<dir>\/bad\.xml#item1: field "date": missing/),
      expect.stringMatching(/^<dir>\/broken\.md:\d+: field "front matter": invalid YAML/),
      expect.stringMatching(/^<dir>\/huge\.html: file too large \(6291456 bytes; limit 5242880 bytes = 5 MiB\)/),
      expect.stringMatching(/^<dir>\/image\.md: binary file/),
      expect.stringMatching(/^<dir>\/readme\.pdf: unsupported file type "\.pdf"/),
      expect.stringMatching(/^<dir>\/wire\.xml#item2: field "date": missing/),
      expect.stringMatching(/^<dir>\/wire\.xml#item3: field "date": value "not a day"/),
    ]));
    expect(s.rejected).toHaveLength(7);
    // good: good1, copy (near-dup), sameurl (same id as good1), wire item1, atom entry, note, hostile page
    expect(s.parsed).toBe(7);
    expect(s.ingested).toBe(6); // sameurl.md is the same article (same canonical URL) as good1.md
    expect(s.duplicates.map((d) => [d.origin.replace(dir, '<dir>'), d.reason])).toEqual([
      ['<dir>/sub/deeper/sameurl.md', 'same-url'],
      ['<dir>/sub/copy.md', 'near-duplicate'],
    ]);
    const good1 = (await store.listArticles()).find((a) => a.origin.endsWith('good1.md'));
    expect(good1?.url).toBe('https://w.example/1');
    expect(s.duplicates[1]?.duplicateOf).toBe(good1?.id);
    expect((await store.getOrigins(good1!.id)).map((o) => o.replace(dir, '<dir>'))).toEqual(['<dir>/good1.md', '<dir>/sub/deeper/sameurl.md']);
    expect(await store.counts()).toEqual({ articles: 6, duplicates: 1 });
    const hostile = (await store.listArticles()).find((a) => a.title === 'Hostile page');
    expect(hostile?.bodyHtml).toBeDefined();
    expect(hostile?.bodyHtml).not.toMatch(/script|iframe|svg|onmouseover|javascript:|cookie/i);
    expect(hostile?.body).not.toMatch(/cookie|alert|steal/);
    expect((await store.listArticles({ includeDuplicates: true })).some((a) => a.title === 'Hidden')).toBe(false);
  });

  it('is idempotent, and an earlier copy arriving later takes over as the original', async () => {
    const store = await DuckDbNewsStore.open(':memory:');
    const first = await ingestNews([join(dir, 'sub/copy.md')], { store });
    expect([first.ingested, first.duplicates.length]).toEqual([1, 0]);
    const second = await ingestNews([join(dir, 'good1.md'), join(dir, 'sub/copy.md')], { store });
    // good1 is new (ingested); copy.md's text is unchanged but it now points at the earlier good1 (relinked)
    expect([second.ingested, second.unchanged, second.relinked]).toEqual([1, 0, 1]);
    const all = await store.listArticles({ includeDuplicates: true });
    const good1 = all.find((a) => a.origin.endsWith('good1.md'));
    expect(all.find((a) => a.origin.endsWith('copy.md'))?.duplicateOf).toBe(good1?.id);
    const again = await ingestNews([dir], { store });
    expect(again.ingested).toBe(4); // the four not stored yet; nothing rewritten
    expect(again.unchanged).toBe(2);
    const onceMore = await ingestNews([dir], { store });
    expect([onceMore.ingested, onceMore.unchanged, onceMore.relinked]).toEqual([0, 6, 0]);
    await store.close();
  });

  it('reports a missing path and still ingests the rest', async () => {
    const store = new MemoryNewsStore();
    const s = await ingestNews([join(dir, 'nope'), join(dir, 'note.txt')], { store });
    expect(s.rejected.map((r) => r.reason)).toEqual([expect.stringMatching(/nope: cannot read: ENOENT/)]);
    expect(s.ingested).toBe(1);
  });

  it('searches what was ingested, with date bounds in Hong Kong time', async () => {
    const store = new MemoryNewsStore();
    await ingestNews([dir], { store });
    const hits = await searchNews(store, 'Xiaomi electric vehicles');
    expect(hits[0]?.title).toBe('Hostile page');
    expect(hits[0]?.matchedTerms).toEqual(['xiaomi', 'electric', 'vehicle']);
    // note.txt is 2025-03-05 09:00 HKT: inside --from 2025-03-05, outside --to 2025-03-04
    expect((await searchNews(store, 'stimulus', { from: '2025-03-05' })).map((h) => h.title)).toEqual(['Stimulus hopes']);
    expect(await searchNews(store, 'stimulus', { to: '2025-03-04' })).toEqual([]);
    await expect(searchNews(store, 'the of')).rejects.toThrow(/no searchable words/);
    await expect(searchNews(store, 'x', { from: '2025-13-01' })).rejects.toThrow(/field "from"/);
  });

  it('loadArticlesFromPath returns articles in time order with duplicates marked, nothing stored', async () => {
    const { articles, rejected } = await loadArticlesFromPath(dir);
    expect(rejected).toHaveLength(7);
    expect(articles).toHaveLength(6); // good1 and sameurl.md share an id: kept once (the earliest)
    expect(articles.map((a) => a.publishedMs)).toEqual([...articles.map((a) => a.publishedMs)].sort((a, b) => a - b));
    expect(articles.filter((a) => a.duplicateOf !== null).map((a) => a.origin.replace(dir, ''))).toEqual(['/sub/copy.md']);
  });
});

describe('ingestNews from URLs (loopback server)', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/feed') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(RSS);
      } else if (req.url === '/page') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><head><meta property="article:published_time" content="2025-02-07T12:00:00+08:00"><title>P</title></head>' +
          '<body><article><p>Kingdee jumped 14.5% as software stocks rallied on AI optimism in Hong Kong on Friday.</p></article></body></html>');
      } else if (req.url === '/down') {
        res.writeHead(503);
        res.end();
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(Buffer.alloc(6 * 1024 * 1024, 0x20));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reads a feed and a page; reports HTTP errors and oversize bodies per URL', async () => {
    const store = new MemoryNewsStore();
    const s = await ingestNews([`${base}/feed`, `${base}/page`, `${base}/down`, `${base}/missing`, `${base}/big`], { store });
    expect(s.ingested).toBe(2); // feed item 1 and the page (feed items 2 and 3 have no usable date)
    const reasons = s.rejected.map((r) => r.reason);
    expect(reasons).toEqual(expect.arrayContaining([
      expect.stringMatching(/\/down: HTTP 503/), expect.stringMatching(/\/missing: HTTP 404/),
      expect.stringMatching(/\/big: response too large/), expect.stringMatching(/\/feed#item2: field "date": missing/),
    ]));
    const page = (await store.listArticles()).find((a) => a.format === 'html');
    expect(page?.url).toBe(`${base}/page`);
  });
});

describe('ingestNews: a batch the database refuses', () => {
  it('does not store a near-duplicate whose original was in the failed batch (no dangling duplicateOf)', async () => {
    // batchSize 1, publication order: the original (16:00) is batch 1, its near-duplicate copy (17:00) batch 2.
    // Batch 1 fails; storing batch 2 would leave a row whose duplicateOf names an article that is not stored
    // (hidden from every list, pointing at nothing). It must fail with its original instead.
    const d = mkdtempSync(join(tmpdir(), 'iw-news-fail-'));
    writeFileSync(join(d, 'a.md'), md('Tech rally', '2025-02-07T16:00:00+08:00', 'https://w.example/1', LONG));
    writeFileSync(join(d, 'b.md'), md('Tech rally (Wire)', '2025-02-07T17:00:00+08:00', 'https://other.example/9', `${LONG} (with additional reporting by Reuters)`));
    const store = new MemoryNewsStore();
    let calls = 0;
    const put = store.putArticles.bind(store);
    store.putArticles = async (articles, relinks) => {
      if (++calls === 1) throw new Error('disk full');
      return put(articles, relinks);
    };
    const s = await ingestNews([d], { store, batchSize: 1 });
    rmSync(d, { recursive: true, force: true });
    const stored = await store.listArticles({ includeDuplicates: true });
    const ids = new Set(stored.map((a) => a.id));
    for (const a of stored) if (a.duplicateOf !== null) expect(ids.has(a.duplicateOf)).toBe(true);
    expect(stored).toHaveLength(0);
    expect(s.ingested).toBe(0);
    expect(s.failedBatches.reduce((n, b) => n + b.articles, 0)).toBe(2);
  });
});

describe('news search bounds', () => {
  it('reads an ISO time without offset in the given zone, never in the machine zone', () => {
    // 2025-02-07T10:00 wall time: Hong Kong (+08:00) is 02:00Z = 1738893600000; New York (EST, -05:00) is 15:00Z
    // = 1738940400000. The machine can be in at most one of these zones, so reading the local zone fails one check.
    expect(boundMs('2025-02-07T10:00', 'Asia/Hong_Kong', 'from')).toBe(1738893600000);
    expect(boundMs('2025-02-07T10:00', 'America/New_York', 'from')).toBe(1738940400000);
    // an explicit offset wins over the zone
    expect(boundMs('2025-02-07T10:00+00:00', 'Asia/Hong_Kong', 'to')).toBe(Date.parse('2025-02-07T10:00:00Z'));
  });
  it('refuses a limit that is not a positive whole number with the field named (DuckDB failed on NaN and -5)', async () => {
    const store = new MemoryNewsStore();
    for (const limit of [Number.NaN, -5, 0, 2.5]) {
      await expect(searchNews(store, 'stimulus', { limit })).rejects.toThrow(/field "limit"/);
    }
  });
});

describe('loadArticlesFromPath: one URL in two files', () => {
  it('keeps the earliest publication, as ingest does, whichever file is read first', async () => {
    // a.md (read first) is the 18:00 re-post, b.md the 16:00 original, same canonical URL, so the same id
    const d = mkdtempSync(join(tmpdir(), 'iw-news-same-'));
    writeFileSync(join(d, 'a.md'), md('Tech rally', '2025-02-07T18:00:00+08:00', 'https://w.example/1?utm_source=x', LONG));
    writeFileSync(join(d, 'b.md'), md('Tech rally', '2025-02-07T16:00:00+08:00', 'https://w.example/1', LONG));
    const { articles } = await loadArticlesFromPath(d);
    rmSync(d, { recursive: true, force: true });
    expect(articles.map((a) => [a.publishedAt, a.origin.slice(-4)])).toEqual([['2025-02-07T16:00:00+08:00', 'b.md']]);
  });
});
