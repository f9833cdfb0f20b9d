import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/runCli.js';
import { tempDirs } from '../../support/tempDirs.js';

const tmp = tempDirs();

describe('news ingest --json files, news list, news repair (contracts of issue 17)', () => {
  it('ingest reports one entry per file in input order; list returns the stored articles in the fixed shape', async () => {
    const dir = tmp('iw-news-cli-');
    const db = join(dir, 'n.duckdb');
    writeFileSync(join(dir, 'a.xml'), `junk before the declaration\n<?xml version="1.0"?><rss version="2.0"><channel><title>AT&T Wire</title>
<link>https://w.example/</link><item><title>One</title><link>/1</link><pubDate>Fri, 07 Feb 2025 16:30:00 +0800</pubDate><description>Body one</description></item>
<item><title>Two</title><link>/2</link></item></channel></rss>`);
    writeFileSync(join(dir, 'b.md'), '---\ntitle: Seed-like\ndate: 2025-02-08T10:00:00+08:00\nsource: Desk\nurl: https://d.example/s\n---\nText.\n');
    const [code, out] = await runCli(['news', 'ingest', join(dir, 'b.md'), join(dir, 'a.xml'), '--db', db, '--json']);
    expect(code).toBe(0);
    const s = JSON.parse(out) as { files: unknown[] };
    expect(s.files).toEqual([
      { path: join(dir, 'b.md'), format: 'markdown', encoding: 'utf-8 (ASCII)', items: 1, ingested: 1, duplicates: 0, rejected: [], warnings: [] },
      { path: join(dir, 'a.xml'), format: 'rss 2.0', encoding: 'utf-8 (ASCII)', items: 2, ingested: 1, duplicates: 0,
        rejected: [{ origin: `${join(dir, 'a.xml')}#item2`, reason: `${join(dir, 'a.xml')}#item2: field "date": missing` }],
        warnings: ['line 1: not well-formed XML (text before the first element): read with the forgiving parser, 2 item(s) kept'] },
    ]);
    const [lc, lout] = await runCli(['news', 'list', '--db', db, '--json', '--source', 'at&t wire']);
    expect(lc).toBe(0);
    expect(JSON.parse(lout)).toEqual([{
      id: expect.stringMatching(/^[0-9a-f]{16}$/), origin: `${join(dir, 'a.xml')}#item1`, url: 'https://w.example/1', title: 'One',
      published: '2025-02-07T16:30:00+08:00', source: 'AT&T Wire', lang: 'und', summary: null, body: 'Body one',
    }]);
    const [, table] = await runCli(['news', 'list', '--db', db, '--from', '2025-02-08']);
    expect(table).toContain('Seed-like');
    expect(table).not.toContain('One');
    const [bad, , err] = await runCli(['news', 'list', '--db', db, '--from', '2025-13-01']);
    expect([bad, err.trim()]).toEqual([1, 'indexwire: error: news list: field "from": value "2025-13-01" is not a date (YYYY-MM-DD) or ISO time']);
  });
  it('news repair reads a file, --only encoding and --jsonl keep their promises', async () => {
    const dir = tmp('iw-repair-cli-');
    writeFileSync(join(dir, 't.txt'), 'Itâ€™s NESTLÉ® &amp;amp;  “ok”\n');
    expect((await runCli(['news', 'repair', join(dir, 't.txt')]))[1]).toBe('It\'s NESTLÉ® &amp; "ok"\n');
    expect((await runCli(['news', 'repair', join(dir, 't.txt'), '--only', 'encoding']))[1]).toBe('It’s NESTLÉ® &amp;amp;  “ok”\n');
    writeFileSync(join(dir, 'l.jsonl'), '"CafÃ©"\n"été\u00a0»"\n"â€œaâ€\u009d"\n');
    expect((await runCli(['news', 'repair', join(dir, 'l.jsonl'), '--jsonl', '--only', 'encoding']))[1]).toBe('"Café"\n"été\u00a0»"\n"“a”"\n');
    const [code, , err] = await runCli(['news', 'repair', join(dir, 't.txt'), '--jsonl']);
    expect([code, err.trim()]).toEqual([1, `indexwire: error: ${join(dir, 't.txt')}:1: field "line": value "Itâ€™s NESTLÉ® &amp;amp;  “ok”" is not a JSON string (--jsonl reads one JSON string per line)`]);
    const [c2, , e2] = await runCli(['news', 'repair', join(dir, 't.txt'), '--only', 'quotes']);
    expect([c2, e2.trim()]).toEqual([1, 'indexwire: error: --only: value "quotes" unknown step (known: encoding)']);
  });
});
