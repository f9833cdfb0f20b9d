import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { publishNews, type PublishNewsSummary } from '../../../src/app/news/publishNews.js';
import { SEED_FIELDS } from '../../../src/domain/seedLayout.js';
import { describeWithSharedData, NEWS_DATA, SEED_DIR } from '../../support/sharedData.js';
import { tempDirs } from '../../support/tempDirs.js';

const tmp = tempDirs();
const SEED_FILE = 'deepseek-rally-hstech.md';

/** A Markdown file split as written: front matter (parsed) and body. */
function split(text: string): { fm: Record<string, unknown>; fmText: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error('no front matter');
  return { fm: parse(m[1] as string, { schema: 'core' }) as Record<string, unknown>, fmText: m[1] as string, body: m[2] as string };
}

describeWithSharedData('news publish: the seed round-trips byte for byte, except its repaired title (real seed)', () => {
  it('gives back the seed file with "â€”" repaired to "—" and nothing else changed', async () => {
    const out = join(tmp('iw-pub-seed-'), 'posts');
    const r = await publishNews({ inputs: [SEED_DIR], outDir: out });
    expect(r.rejected).toEqual([]);
    expect(r.posts.map((p) => p.file)).toEqual(['2025-02-07-deepseek-breakthrough-fuels-rally-in-chinese-tech-stocks-update.en.md']);
    const seed = readFileSync(join(SEED_DIR, SEED_FILE), 'utf8');
    expect(seed).toContain('Chinese Tech Stocks â€” Update"'); // the mojibake is in the seed...
    const expected = seed.replace('title: "DeepSeek Breakthrough Fuels Rally in Chinese Tech Stocks â€” Update"', 'title: "DeepSeek Breakthrough Fuels Rally in Chinese Tech Stocks — Update"');
    expect(expected).not.toBe(seed);
    expect(readFileSync(join(out, r.posts[0]!.file), 'utf8')).toBe(expected); // ...and only it is changed
  });
});

describeWithSharedData('news publish: every RTHK article becomes a post in the seed layout (real corpus, 711 files)', () => {
  let out = '';
  let first: PublishNewsSummary;
  const sources = new Map<string, { title: string; date: string; body: string }>();
  beforeAll(async () => {
    out = join(tmp('iw-pub-rthk-'), 'posts');
    first = await publishNews({ inputs: [NEWS_DATA], outDir: out });
    for (const f of readdirSync(NEWS_DATA)) {
      const { fm, body } = split(readFileSync(join(NEWS_DATA, f), 'utf8'));
      sources.set(fm.url as string, { title: fm.title as string, date: fm.date as string, body });
    }
  }, 120_000);

  it('writes one post per article, keys in the seed order, categories ["rthk"], lang ["en"], the 50-word summary and the closing link', () => {
    expect(first.rejected).toEqual([]);
    expect(sources.size).toBe(711);
    expect(first.written).toBe(711);
    const files = readdirSync(out);
    expect(files).toHaveLength(711);
    const seen = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(out, f), 'utf8');
      const { fm, fmText, body } = split(text);
      expect(fmText.split('\n').filter((l) => /^\S/.test(l)).map((l) => l.slice(0, l.indexOf(':'))), f).toEqual(SEED_FIELDS.map(([k]) => k));
      const link = /\n\n\[rthk\]\((https:\/\/news\.rthk\.hk\/[^)]+)\)\n$/.exec(body);
      expect(link, `${f}: closing link`).not.toBeNull();
      const url = link![1] as string;
      const src = sources.get(url);
      expect(src, `${f}: ${url} is an RTHK article`).toBeDefined();
      seen.add(url);
      expect(fm.categories, f).toEqual(['rthk']);
      expect(fm.lang, f).toEqual(['en']);
      expect(fm.translations, f).toEqual(['en']);
      expect((fm.tags as string[])[0], f).toBe('rthk');
      expect(fm.title, f).toBe(src!.title);
      // the RTHK dates are written with +08:00: the post's date is the same wall time, Hong Kong
      expect(fm.date, f).toBe(src!.date.slice(0, 19).replace('T', ' '));
      // summary: the source body's first 50 whitespace-separated words, then "..." when it has more
      const words = src!.body.split(/\s+/).filter((w) => w !== '');
      expect(fm.summary, f).toBe(`${words.slice(0, 50).join(' ')}${words.length > 50 ? '...' : ''}`);
      // the body as published (whitespace repair only: runs of spaces inside a line become one, "21,133.  (Xinhua)"), then the link
      expect(body, f).toBe(`\n${src!.body.trim().replace(/(\S) {2,}(?=\S)/g, '$1 ')}\n\n[rthk](${url})\n`);
      expect(f).toMatch(new RegExp(`^${src!.date.slice(0, 10)}-[a-z0-9-]+\\.en\\.md$`));
    }
    expect(seen.size).toBe(711);
  });

  it('the HSI close of 2025-02-07: tagged with the index it names, summary as computed by hand', () => {
    const f = '2025-02-07-hong-kong-stocks-close-higher.en.md';
    const { fm } = split(readFileSync(join(out, f), 'utf8'));
    expect(fm.tags).toEqual(['rthk', 'hsi']); // "the benchmark Hang Seng Index" links HSI
    // 37 words, fewer than 50: the whole body, paragraphs joined by one space, no "..."
    expect(fm.summary).toBe('Hong Kong stocks ended higher on Friday, with the benchmark Hang Seng Index up 1.2 percent at 21,133. The Shanghai Composite Index finished up 1 percent at 3,303, while the Shenzhen Component Index closed 1.8 percent higher at 10,576. (Xinhua)');
  });

  it('publishes nothing twice: a second run writes nothing; a copy under another URL is already published', async () => {
    const again = await publishNews({ inputs: [NEWS_DATA], outDir: out });
    expect(again.written).toBe(0);
    expect(again.unchanged).toBe(711);
    const copies = tmp('iw-pub-copy-');
    const name = '2025-02-07-rthk-1790704.md';
    const text = readFileSync(join(NEWS_DATA, name), 'utf8')
      .replace('1790704-20250207.htm', '1790704-20250207-copy.htm')
      .replace('(Xinhua)', '(Xinhua) Reporting by RTHK staff.');
    writeFileSync(join(copies, 'copy.md'), text);
    copyFileSync(join(NEWS_DATA, name), join(copies, name));
    const r = await publishNews({ inputs: [copies], outDir: out });
    expect(r.written).toBe(0);
    expect(r.duplicates.map((d) => [d.reason, d.duplicateOf])).toEqual([['already-published', '2025-02-07-hong-kong-stocks-close-higher.en.md']]);
    expect(readdirSync(out)).toHaveLength(711);
  }, 120_000);
});

describeWithSharedData('news publish --from/--to (real corpus)', () => {
  it('publishes the articles of the days asked, Hong Kong time', async () => {
    const out = join(tmp('iw-pub-range-'), 'posts');
    mkdirSync(out);
    const r = await publishNews({ inputs: [NEWS_DATA], outDir: out, from: '2025-02-07', to: '2025-02-07' });
    const sameDay = readdirSync(NEWS_DATA).filter((f) => f.startsWith('2025-02-07-'));
    expect(sameDay.length).toBeGreaterThan(0);
    expect(r.written).toBe(sameDay.length);
    expect(readdirSync(out).every((f) => f.startsWith('2025-02-07-'))).toBe(true);
  }, 60_000);
});
