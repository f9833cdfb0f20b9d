import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../support/sharedData.js';
import { runCli } from '../support/runCli.js';
import { withData } from '../../src/app/openData.js';
import { buildStoryInput } from '../../src/app/story/buildStoryInput.js';
import type { SessionDate } from '../../src/core/units.js';

// Issue 11, "One store behind every command": the story from the store equals the story from the files, byte for
// byte (both languages, the ledger, the charts), with the acceptance commands as written.
describeWithSharedData('story from the store equals the story from the files (HSTECH 2025-02-07, real data)', () => {
  let root = '';
  const db = () => join(root, 'desk.duckdb');
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'iw-store-story-'));
    const [a] = await runCli(['import', HK_DATA, '--db', db(), '--quiet']);
    const [b] = await runCli(['news', 'ingest', NEWS_DATA, '--db', db(), '--quiet']);
    expect([a, b]).toEqual([0, 0]);
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes the same nine files, byte for byte, from --db as from --data/--news', async () => {
    const common = ['--on', '2025-02-07', '--members', join(HK_DATA, 'hstech_members.csv'), '--methodology', join(REPO_ROOT, 'methodologies/hstech-replica.yaml'), '--lang', 'en,zh-Hant'];
    const fromStore = join(root, 'from-store');
    const fromFiles = join(root, 'from-files');
    const [c1, out1, err1] = await runCli(['story', 'HSTECH', ...common, '--db', db(), '--out', fromStore]);
    expect(err1).toBe('');
    expect(c1).toBe(0);
    const [c2, , err2] = await runCli(['story', 'HSTECH', ...common, '--data', HK_DATA, '--news', NEWS_DATA, '--out', fromFiles]);
    expect(err2).toBe('');
    expect(c2).toBe(0);
    const names = readdirSync(fromStore).sort();
    expect(names).toEqual([
      'hstech-2025-02-07.contrib.svg', 'hstech-2025-02-07.contrib.zh-Hant.svg', 'hstech-2025-02-07.en.md', 'hstech-2025-02-07.index.svg',
      'hstech-2025-02-07.index.zh-Hant.svg', 'hstech-2025-02-07.ledger.json', 'hstech-2025-02-07.png', 'hstech-2025-02-07.zh-Hant.md',
      'hstech-2025-02-07.zh-Hant.png', // each language's own charts and thumbnail
    ]);
    expect(readdirSync(fromFiles).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(fromStore, n)).equals(readFileSync(join(fromFiles, n))), n).toBe(true);
    // the story is the real one: the lede, the movers, the member contributions from the stored replica
    const en = readFileSync(join(fromStore, 'hstech-2025-02-07.en.md'), 'utf8');
    expect(out1).toContain('en: Hang Seng Tech Index enters technical bull market');
    expect(en).toMatch(/Lenovo|Xiaomi/);
    const ledger = JSON.parse(readFileSync(join(fromStore, 'hstech-2025-02-07.ledger.json'), 'utf8')) as { entries: { source: { series: string } }[] };
    expect(ledger.entries.some((e) => e.source.series === 'methodology')).toBe(true);
    // a second story from the same store reads the stored replica sessions instead of rebuilding them
    const [c3] = await runCli(['story', 'HSTECH', ...common, '--db', db(), '--out', join(root, 'again')]);
    expect(c3).toBe(0);
    for (const n of names) expect(readFileSync(join(root, 'again', n)).equals(readFileSync(join(fromStore, n))), n).toBe(true);
  }, 120_000);

  it('gathers the same StoryInput (bars, report, members, linked articles, actions) from the store as from the files', async () => {
    // published after RTHK's close report (17:36), so the day's articles are in the window
    const o = { symbol: 'HSTECH', date: '2025-02-07' as SessionDate, publishedLocal: '2025-02-07 23:00:00', membersPath: join(HK_DATA, 'hstech_members.csv'), methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml') };
    const fromStore = await withData({ db: db() }, (ports) => buildStoryInput({ ...o, ports }));
    const fromFiles = await buildStoryInput({ ...o, dataDir: HK_DATA, newsPath: NEWS_DATA });
    expect(fromStore).toEqual(fromFiles);
    expect(fromStore.members?.filter((m) => m.contributionPoints !== null)).toHaveLength(30);
    // HSI: the day's RTHK close report names it, read from the news tables as from the folder
    const hsi = { symbol: 'HSI', date: '2025-02-07' as SessionDate, publishedLocal: '2025-02-07 23:00:00' };
    const hsiStore = await withData({ db: db() }, (ports) => buildStoryInput({ ...hsi, ports }));
    expect(hsiStore).toEqual(await buildStoryInput({ ...hsi, dataDir: HK_DATA, newsPath: NEWS_DATA }));
    expect(hsiStore.articles.map((a) => a.article.title)).toContain('Hong Kong stocks close higher');
  }, 60_000);

  it('says what to run when the store file does not exist', async () => {
    const [code, , err] = await runCli(['story', 'HSTECH', '--on', '2025-02-07', '--db', join(root, 'none.duckdb'), '--out', join(root, 'x')]);
    expect(code).toBe(1);
    expect(err).toBe(`indexwire: error: ${join(root, 'none.duckdb')}: no store here: run \`indexwire import DIR --db FILE\` (and \`indexwire news ingest PATH --db FILE\`), or pass --data DIR\n`);
  });
});
