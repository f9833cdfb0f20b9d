/**
 * Feeds (issue 17): reading a folder of 2,000 well-formed feeds (1,000 RSS 2.0 + 1,000 Atom 1.0, 10 items each,
 * text from the RTHK corpus when it is beside the checkout), (1) decode + parse to raw items, new reader (saxes
 * strict, forgiving htmlparser2 only when not well-formed) against the baseline run in the same process: the
 * reader before issue 17 (rss-parser 3.13.0, bench/baselines/rssParserFeed.ts); the goal is at most 10% slower;
 * (2) the same with 10% of the feeds broken (a bare "&"), which the baseline refuses and the new reader recovers;
 * (3) the whole `news ingest` job on the 2,000 feeds into an in-memory store.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestNews } from '../src/app/news/ingest.js';
import { parseFeedXmlSync } from '../src/sources/feeds/parseFeedXml.js';
import { decodeNewsBytes } from '../src/sources/newsFiles/decodeNewsBytes.js';
import { MemoryNewsStore } from '../src/store/news/MemoryNewsStore.js';
import { baselineDecode, baselineParseFeedXml } from './baselines/rssParserFeed.js';
import { report, timeAsync } from './harness.js';

const FEEDS = 2000, ITEMS = 10;
const newsDir = resolve(process.env.INDEXWIRE_SHARED ?? resolve(import.meta.dirname, '../../shared'), 'data/news/rthk_finance_en');
const texts: { title: string; body: string }[] = [];
try {
  for (const f of readdirSync(newsDir).slice(0, 200)) {
    const md = readFileSync(join(newsDir, f), 'utf8');
    const title = /^title:\s*"?(.*?)"?\s*$/m.exec(md)?.[1] ?? 'Stocks';
    texts.push({ title, body: md.slice(md.indexOf('\n---', 4) + 4).trim().slice(0, 1500) });
  }
} catch {
  process.stdout.write(`newsFeeds bench: ${newsDir} absent, using generated text\n`);
}
if (texts.length === 0) for (let i = 0; i < 50; i++) texts.push({ title: `Hang Seng Index rises ${i} points`, body: 'The Hang Seng Index rose 1.2 percent on Friday. '.repeat(20) });
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const date = (k: number) => new Date(Date.UTC(2025, 0, 1) + k * 3_600_000);

function rssFeed(n: number): string {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const t = texts[(n * ITEMS + i) % texts.length]!;
    return `<item><title>${esc(t.title)}</title><link>https://wire${n}.example/a/${i}</link><guid>https://wire${n}.example/a/${i}</guid>` +
      `<pubDate>${date(n * ITEMS + i).toUTCString().replace('GMT', '+0000')}</pubDate><category>markets</category>` +
      `<description><![CDATA[<p>${esc(t.body).replace(/\n\n/g, '</p><p>')}</p>]]></description></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Wire ${n}</title><link>https://wire${n}.example/</link>\n${items}\n</channel></rss>\n`;
}
function atomFeed(n: number): string {
  const entries = Array.from({ length: ITEMS }, (_, i) => {
    const t = texts[(n * ITEMS + i) % texts.length]!;
    return `<entry><title>${esc(t.title)}</title><link href="https://atom${n}.example/e/${i}"/><id>urn:atom${n}:${i}</id>` +
      `<published>${date(n * ITEMS + i).toISOString().replace('.000Z', 'Z')}</published><updated>${date(n * ITEMS + i + 1).toISOString()}</updated>` +
      `<content type="html">${esc(`<p>${esc(t.body)}</p>`)}</content></entry>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom ${n}</title><link href="https://atom${n}.example/"/>\n${entries}\n</feed>\n`;
}

const tmp = mkdtempSync(join(tmpdir(), 'iw-feedsbench-'));
try {
  const dir = join(tmp, 'feeds');
  mkdirSync(dir);
  const files: Buffer[] = [];
  for (let n = 0; n < FEEDS; n++) {
    const xml = n % 2 === 0 ? rssFeed(n) : atomFeed(n);
    writeFileSync(join(dir, `f${String(n).padStart(4, '0')}.xml`), xml);
    files.push(Buffer.from(xml));
  }
  const bytes = files.reduce((s, b) => s + b.length, 0);
  const readNew = async (fs: readonly Buffer[]) => {
    let items = 0;
    for (const [i, b] of fs.entries()) {
      const d = decodeNewsBytes(b);
      if (d.ok) items += parseFeedXmlSync(d.text, `f${i}.xml`).items.length;
    }
    return items;
  };
  const readOld = async (fs: readonly Buffer[]) => {
    let items = 0;
    for (const [i, b] of fs.entries()) {
      try {
        items += (await baselineParseFeedXml(baselineDecode(b), `f${i}.xml`)).items.length;
      } catch {
        // refused: the old reader loses the whole feed
      }
    }
    return items;
  };
  await readNew(files.slice(0, 50));
  await readOld(files.slice(0, 50));
  const runs = 3;
  let bestNew = Infinity, bestOld = Infinity, itemsNew = 0, itemsOld = 0;
  for (let r = 0; r < runs; r++) {
    const o = await timeAsync(() => readOld(files));
    const n = await timeAsync(() => readNew(files));
    bestOld = Math.min(bestOld, o.seconds);
    bestNew = Math.min(bestNew, n.seconds);
    itemsNew = n.result;
    itemsOld = o.result;
  }
  report(`(1) decode + parse, ${FEEDS} well-formed feeds (${(bytes / 1e6).toFixed(1)} MB, ${itemsNew} items; baseline ${itemsOld})`, FEEDS / bestNew, 'feeds/s', FEEDS / bestOld);
  report('(1) baseline: rss-parser 3.13.0 (before issue 17)', FEEDS / bestOld, 'feeds/s');
  const broken = files.map((b, i) => (i % 10 === 0 ? Buffer.from(b.toString().replace('</title>', ' AT&T</title>')) : b));
  const bn = await timeAsync(() => readNew(broken));
  const bo = await timeAsync(() => readOld(broken));
  report(`(2) 10% of the feeds with a bare "&": items read (baseline ${bo.result})`, bn.result, 'items');
  report('(2) decode + parse with 10% broken (the baseline refuses those feeds: less work)', FEEDS / bn.seconds, 'feeds/s', FEEDS / bo.seconds);
  const job = await timeAsync(() => ingestNews([dir], { store: new MemoryNewsStore() }));
  report(`(3) news ingest job, ${FEEDS} feeds -> memory store (${job.result.ingested} stored)`, job.result.parsed / job.seconds, 'articles/s');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
