import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/runCli.js';
import { tempDirs } from '../../support/tempDirs.js';

const tmp = tempDirs();

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>AT&amp;T Wire</title><link>https://wire.example/</link>
<item><title>Tencent &amp; Alibaba lift HSTECH</title><link>https://wire.example/a?utm_source=rss</link>
<pubDate>Fri, 07 Feb 2025 08:30:00 GMT</pubDate>
<description>&lt;p&gt;Tencent rose 3%. &lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;&lt;p&gt;1. Shares of Alibaba &amp;amp; peers: *up*.&lt;/p&gt;</description></item>
</channel></rss>`;

const MD = `---
title: "Xiaomi jumps"
date: 2025-02-07T10:00:00+08:00
source: RTHK (Radio Television Hong Kong), English finance news
url: https://news.rthk.hk/rthk/en/component/k2/1.htm
language: en
---

Xiaomi rose as much as 6.2 percent.
`;

describe('indexwire news publish (CLI)', () => {
  it('publishes files and feeds as posts, --json lists them, a second run writes nothing', async () => {
    const dir = tmp('iw-pubcli-');
    writeFileSync(join(dir, 'wire.xml'), FEED);
    writeFileSync(join(dir, 'x.md'), MD);
    const out = join(dir, 'posts');
    const [code, stdout, stderr] = await runCli(['news', 'publish', join(dir, 'wire.xml'), join(dir, 'x.md'), '--out', out, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as { written: number; posts: { file: string; status: string; url: string }[] };
    expect(r.written).toBe(2);
    expect(r.posts.map((p) => [p.file, p.status])).toEqual([
      ['2025-02-07-xiaomi-jumps.en.md', 'new'],
      ['2025-02-07-tencent-alibaba-lift-hstech.en.md', 'new'], // 08:30 GMT is 16:30 in Hong Kong, after 10:00
    ]);
    const feedPost = readFileSync(join(out, '2025-02-07-tencent-alibaba-lift-hstech.en.md'), 'utf8');
    expect(feedPost).toContain('title: "Tencent & Alibaba lift HSTECH"\ndate: "2025-02-07 16:30:00"\n');
    expect(feedPost).toContain('categories:\n  - "at-t-wire"\n');
    expect(feedPost).toContain('tags:\n  - "at-t-wire"\n  - "0700.hk"\n  - "9988.hk"\n  - "hstech"\n');
    // the feed's HTML became text (script dropped by the sanitiser): "&amp;amp;" is XML for the HTML "&amp;", that is
    // the text "&", which Markdown writes "&amp;"; "1." and "*up*" escaped so they stay text; tracking parameter gone
    expect(feedPost).toContain('\n---\n\nTencent rose 3%.\n\n1\\. Shares of Alibaba &amp; peers: \\*up\\*.\n\n[at-t-wire](https://wire.example/a)\n');
    expect(feedPost).not.toMatch(/<script|alert/);
    const [, table] = await runCli(['news', 'publish', join(dir, 'wire.xml'), join(dir, 'x.md'), '--out', out]);
    expect(table).toMatch(/^2 article\(s\) -> .*: 0 post\(s\) written \(0 new, 0 updated\), 2 unchanged, 0 already published, 0 duplicate\(s\), 0 rejected\n$/);
  });

  it('publishes what is stored with --db, and never overwrites a post written from the file', async () => {
    const dir = tmp('iw-pubdb-');
    writeFileSync(join(dir, 'x.md'), MD.replace('6.2 percent.', '6.2 percent, its “best” day.'));
    writeFileSync(join(dir, 'wire.xml'), FEED);
    const db = join(dir, 'news.duckdb');
    expect((await runCli(['news', 'ingest', dir, '--db', db, '--quiet']))[0]).toBe(0);
    const fromFiles = join(dir, 'a');
    await runCli(['news', 'publish', join(dir, 'x.md'), '--out', fromFiles]);
    const before = readFileSync(join(fromFiles, '2025-02-07-xiaomi-jumps.en.md'), 'utf8');
    expect(before).toContain('its “best” day'); // quotes as written
    const [code, stdout] = await runCli(['news', 'publish', '--db', db, '--out', fromFiles, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as { articles: number; posts: { file: string; status: string }[] };
    expect(r.articles).toBe(2);
    expect(r.posts.map((p) => [p.file, p.status])).toEqual([['2025-02-07-xiaomi-jumps.en.md', 'unchanged'], ['2025-02-07-tencent-alibaba-lift-hstech.en.md', 'new']]);
    expect(readFileSync(join(fromFiles, '2025-02-07-xiaomi-jumps.en.md'), 'utf8')).toBe(before);
    // into an empty folder, from the store: the stored (repaired, plain) text
    const [, json] = await runCli(['news', 'publish', '--db', db, '--out', join(dir, 'b'), '--to', '2025-02-07T12:00:00', '--json']);
    expect((JSON.parse(json) as { posts: unknown[] }).posts).toHaveLength(1);
    expect(readdirSync(join(dir, 'b'))).toEqual(['2025-02-07-xiaomi-jumps.en.md']);
  });

  it('refuses inputs together with --db, and a --from after --to, in one line', async () => {
    const [c1, , e1] = await runCli(['news', 'publish', 'x.md', '--db', 'f.duckdb', '--out', 'o']);
    expect(c1).toBe(1);
    expect(e1).toMatch(/not both/);
    expect(e1.trim().split('\n')).toHaveLength(1);
    const dir = tmp('iw-pubbad-');
    const [c2, , e2] = await runCli(['news', 'publish', dir, '--out', join(dir, 'o'), '--from', '2025-02-08', '--to', '2025-02-07']);
    expect(c2).toBe(1);
    expect(e2).toMatch(/field "from": value "2025-02-08" is after --to 2025-02-07/);
  });
});
