/**
 * News parse + repair + link on the RTHK corpus (711 Markdown files) repeated to 50,000 articles, on one core:
 * bytes -> decode (UTF-8 / cp1252) -> Markdown + front matter -> repair and normalise (buildArticle) -> entity links
 * (Aho-Corasick, one pass). Baseline in the same process: the same parse + repair with a naive linker that runs one
 * regular expression per alias (bench/baselines/naiveRegexLinker.ts), timed on a 2,000-article slice because it is slow.
 * Also prints the linker's micro precision and recall on the hand-labelled gold set (test/news/gold.json).
 * Goal (issue 4): at least 2,000 articles per second.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createEntityLinker, loadSecurityMaster } from '../src/app/securityMaster.js';
import { buildArticle } from '../src/news/parse/buildArticle.js';
import { parseMarkdownArticle } from '../src/news/parse/parseMarkdownArticle.js';
import { decodeNewsBytes } from '../src/sources/newsFiles/decodeNewsBytes.js';
import { GOLD, microScores, readRthkArticle } from '../test/news/link/goldSet.js';
import { NaiveRegexLinker } from './baselines/naiveRegexLinker.js';
import { report, time } from './harness.js';

const newsDir = resolve(process.env.INDEXWIRE_SHARED ?? resolve(import.meta.dirname, '../../shared'), 'data/news/rthk_finance_en');
if (!existsSync(newsDir)) {
  process.stdout.write(`newsLink bench: SKIPPED, needs ${newsDir}\n`);
  process.exit(0);
}
const TARGET = Number(process.env.BENCH_ARTICLES ?? 50_000);
const BASELINE_ARTICLES = 2_000;
const files = readdirSync(newsDir).filter((f) => f.endsWith('.md')).sort();
const corpus = files.map((f) => ({ origin: join(newsDir, f), bytes: new Uint8Array(readFileSync(join(newsDir, f))) }));
const linker = createEntityLinker();
const naive = new NaiveRegexLinker(loadSecurityMaster());

function parse(doc: { origin: string; bytes: Uint8Array }) {
  const d = decodeNewsBytes(doc.bytes);
  if (!d.ok) throw new Error(`${doc.origin}: ${d.reason}`);
  return buildArticle(parseMarkdownArticle(d.text, doc.origin), { assumeZone: 'Asia/Hong_Kong' });
}

/** Parses n articles (cycling through the corpus); returns the linkable texts and the bytes read. */
function parseAll(n: number): { texts: string[]; bytes: number } {
  const texts: string[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const doc = corpus[i % corpus.length]!;
    const a = parse(doc);
    bytes += doc.bytes.length;
    texts.push(`${a.title}\n\n${a.body}`);
  }
  return { texts, bytes };
}
function linkAll(texts: readonly string[], link: (text: string) => number, n = texts.length): number {
  let links = 0;
  for (let i = 0; i < n; i++) links += link(texts[i]!);
  return links;
}

// Warm-up (JIT), then the measured runs: parse + repair, then link, timed apart; total = the sum.
linkAll(parseAll(corpus.length).texts, (t) => linker.link(t).length);
linkAll(parseAll(200).texts, (t) => naive.securitiesIn(t).length);
/** Wall time and this process's CPU time (user + system), so a loaded shared machine can be read fairly. */
function timed<T>(fn: () => T): { seconds: number; cpuSeconds: number; result: T } {
  const c0 = process.cpuUsage();
  const t = time(fn);
  const c = process.cpuUsage(c0);
  return { ...t, cpuSeconds: (c.user + c.system) / 1e6 };
}
const parsed = timed(() => parseAll(TARGET));
const linked = timed(() => linkAll(parsed.result.texts, (t) => linker.link(t).length));
const naiveLinked = timed(() => linkAll(parsed.result.texts, (t) => naive.securitiesIn(t).length, BASELINE_ARTICLES));
const full = { seconds: parsed.seconds + linked.seconds, result: { bytes: parsed.result.bytes, links: linked.result } };
const base = { seconds: (parsed.seconds / TARGET) * BASELINE_ARTICLES + naiveLinked.seconds };
const parseOnly = parsed;

// Same answers? Distinct securities per article, fast vs naive, over the corpus once.
let agree = 0;
for (const doc of corpus) {
  const a = parse(doc);
  const t = `${a.title}\n\n${a.body}`;
  const x = linker.securitiesIn(t).sort().join(','), y = naive.securitiesIn(t).sort().join(',');
  if (x === y) agree++;
}
const scores = microScores(GOLD.map((g) => {
  const a = readRthkArticle(g.file);
  return { gold: g.securities, predicted: linker.securitiesIn(`${a.title}\n\n${a.body}`) };
}));

const rate = TARGET / full.seconds;
const baseRate = BASELINE_ARTICLES / base.seconds;
const mb = full.result.bytes / 1e6;
process.stdout.write(
  `corpus: ${corpus.length} RTHK articles, ${TARGET.toLocaleString('en-US')} processed (${mb.toFixed(1)} MB), ` +
    `${linker.patternCount} patterns, ${full.result.links.toLocaleString('en-US')} links\n`,
);
report('parse + repair only', TARGET / parseOnly.seconds, 'articles/s');
report('link only (Aho-Corasick)', TARGET / linked.seconds, 'articles/s', BASELINE_ARTICLES / naiveLinked.seconds);
report('link only, baseline (one regex per alias)', BASELINE_ARTICLES / naiveLinked.seconds, 'articles/s');
report('parse + repair + link', rate, 'articles/s', baseRate);
report('baseline: parse + repair + one regex per alias', baseRate, 'articles/s');
const cpuRate = TARGET / (parsed.cpuSeconds + linked.cpuSeconds);
const cpuBase = BASELINE_ARTICLES / ((parsed.cpuSeconds / TARGET) * BASELINE_ARTICLES + naiveLinked.cpuSeconds);
report('per CPU-second: parse + repair + link', cpuRate, 'articles/s', cpuBase);
report('per CPU-second: link only', TARGET / linked.cpuSeconds, 'articles/s', BASELINE_ARTICLES / naiveLinked.cpuSeconds);
process.stdout.write(`same securities as the baseline on ${agree}/${corpus.length} articles\n`);
process.stdout.write(
  `gold set (${GOLD.length} articles): precision ${(scores.precision * 100).toFixed(1)}%, recall ${(scores.recall * 100).toFixed(1)}% ` +
    `(tp ${scores.truePositives}, fp ${scores.falsePositives}, fn ${scores.falseNegatives})\n`,
);
process.stdout.write(`goal >= 2,000 articles/s: ${rate >= 2000 ? 'met' : 'NOT met'} (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores)\n`);
