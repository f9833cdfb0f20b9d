/**
 * Measures the news reader on a folder of feed files (e.g. the Python feedparser project's public test suite,
 * fetched for the measurement only and never committed): files read, items recovered, files or items refused by
 * reason, and files where a lenient count of <item>/<entry> elements finds entries but the reader gives none.
 *   npx tsx scripts/measureFeedSuite.ts /path/to/feedparser/tests [--json]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleFieldError, buildArticle } from '../src/news/parse/buildArticle.js';
import { normalizeLine } from '../src/news/repair/normalizeText.js';
import { htmlToText } from '../src/news/sanitize/htmlToText.js';
import { readNewsFile } from '../src/sources/newsFiles/readNewsFile.js';

const root = process.argv[2];
if (!root) throw new Error('usage: measureFeedSuite.ts DIR');
const files: string[] = [];
const walk = (d: string): void => {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.xml')) files.push(p);
  }
};
walk(root);

/** A crude lenient oracle: <item ...> or <entry ...> start tags, any prefix. */
const lenientEntries = (bytes: Buffer): number => (bytes.toString('latin1').match(/<(?:[\w-]+:)?(?:item|entry)[\s>/]/g) ?? []).length;
const bucket = (reason: string): string => reason
  .replace(/^.*?(?:#item\d+)?(?::\d+)?: /, '')
  .replace(/value "[^"]*" /, '')
  .replace(/\(line \d+.*?\)/, '')
  .replace(/"[^"]{20,}"/g, '"…"')
  .slice(0, 90);

let read = 0, itemsRead = 0, articles = 0, lostFiles = 0, withWarnings = 0, recovered = 0, itemsRecovered = 0;
let titleChecks = 0, titleAgree = 0;
const disagree: string[] = [];
/** feedparser's `Expect: ... entries[0]['title'] == u'...'`, with Python escapes decoded. */
const expectedTitle = (bytes: Buffer): string | null => {
  const m = /entries\[0\]\['title'\] == u?(['"])((?:\\.|(?!\1).)*)\1/.exec(bytes.toString('latin1'));
  if (!m) return null;
  const raw = Buffer.from(m[2]!, 'latin1').toString('utf8');
  return raw.replace(/\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\(['"\\])|\\n/g, (_, u, x, q) =>
    u ? String.fromCharCode(parseInt(u, 16)) : x ? String.fromCharCode(parseInt(x, 16)) : q ?? '\n');
};
const refusedFiles = new Map<string, number>();
const refusedItems = new Map<string, number>();
const lost: string[] = [];
const t0 = performance.now();
for (const f of files) {
  const r = await readNewsFile(f);
  const fileRejects = r.rejected.filter((x) => x.origin === f);
  if (fileRejects.length === 0) read++;
  for (const x of fileRejects) refusedFiles.set(bucket(x.reason), (refusedFiles.get(bucket(x.reason)) ?? 0) + 1);
  if ((r.warnings ?? []).length > 0) withWarnings++;
  if ((r.warnings ?? []).some((w) => /not well-formed/.test(w))) {
    recovered++;
    itemsRecovered += r.raws.length;
  }
  itemsRead += r.raws.length;
  const want = expectedTitle(readFileSync(f));
  if (want !== null && r.raws[0]) {
    titleChecks++;
    // feedparser keeps a title's HTML (sanitised); Indexwire stores its text: compare texts
    const wantText = normalizeLine(/<[a-z!/]/i.test(want) ? htmlToText(want) : want);
    if (normalizeLine(r.raws[0].title) === wantText) titleAgree++;
    else disagree.push(`${f.slice(root.length + 1)}: ${JSON.stringify(normalizeLine(r.raws[0].title))} vs ${JSON.stringify(wantText)}`);
  }
  for (const raw of r.raws) {
    try {
      buildArticle(raw, { assumeZone: 'UTC' });
      articles++;
    } catch (e) {
      const k = e instanceof ArticleFieldError ? `field "${e.field}": ${e.reason}` : bucket((e as Error).message);
      refusedItems.set(k, (refusedItems.get(k) ?? 0) + 1);
    }
  }
  if (r.raws.length === 0 && lenientEntries(readFileSync(f)) > 0) {
    lostFiles++;
    lost.push(f.slice(root.length + 1));
  }
}
const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
const out = {
  files: files.length, filesRead: read, filesWithWarnings: withWarnings, filesRecoveredFromMalformedXml: recovered,
  itemsFromRecoveredFiles: itemsRecovered, itemsRead, articlesBuilt: articles,
  entryTitlesCheckedAgainstFeedparserExpectations: titleChecks, agree: titleAgree,
  filesWithEntriesButNoneRead: lostFiles, refusedFiles: sorted(refusedFiles), refusedItems: sorted(refusedItems),
  ms: Math.round(performance.now() - t0),
};
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ ...out, lost }, null, 1)}\n`);
else {
  process.stdout.write(`${JSON.stringify({ ...out, refusedFiles: out.refusedFiles.slice(0, 25), refusedItems: out.refusedItems.slice(0, 15) }, null, 1)}\n`);
  process.stdout.write(`lost (first 40): ${lost.slice(0, 40).join(' ')}\n`);
  if (process.argv.includes('--titles')) process.stdout.write(`titles that differ:\n${disagree.join('\n')}\n`);
}
