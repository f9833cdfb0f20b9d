import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../support/sharedData.js';
import { runCli } from '../support/runCli.js';

// Issue 11, "One store behind every command": news why, news entities, event-study and the in-process replay read
// the store with --db (no folder), and answer exactly as from the folders.
describeWithSharedData('news why, news entities, event-study, replay from the store = from the folders (real data)', () => {
  let root = '';
  const db = () => join(root, 'desk.duckdb');
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'iw-store-cmds-'));
    const [a] = await runCli(['import', HK_DATA, '--db', db(), '--quiet']);
    const [b] = await runCli(['news', 'ingest', NEWS_DATA, '--db', db(), '--quiet']);
    expect([a, b]).toEqual([0, 0]);
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const json = async (args: string[]): Promise<unknown> => {
    const [code, out, err] = await runCli([...args, '--json']);
    expect(err, args.join(' ')).toBe('');
    expect(code, args.join(' ')).toBe(0);
    return JSON.parse(out) as unknown;
  };

  it('news why HSTECH: the same report (movers, contributions of the stored replica, articles, event studies)', async () => {
    const fromStore = await json(['news', 'why', 'HSTECH', '--on', '2025-02-07', '--db', db()]);
    const fromFiles = await json(['news', 'why', 'HSTECH', '--on', '2025-02-07', '--data', HK_DATA, '--members', join(HK_DATA, 'hstech_members.csv'), '--news', NEWS_DATA]);
    expect(fromStore).toEqual(fromFiles);
    const r = fromStore as { securities: { symbol: string; contributionPoints: number | null; eventStudy: unknown }[]; articlesInWindow: number };
    // Kingdee (0268.HK, +14.8% that day) is among the explained securities, with an event study on day 0
    const kingdee = r.securities.find((s) => s.symbol === '0268.HK');
    expect(kingdee?.eventStudy).not.toBeNull();
    expect(r.securities.some((s) => s.contributionPoints !== null)).toBe(true);
    expect(r.articlesInWindow).toBeGreaterThan(0);
  }, 180_000);

  it('news why --db takes the stored members of the index; a store without them says how to add them', async () => {
    const withFile = await json(['news', 'why', 'HSTECH', '--on', '2025-02-07', '--db', db(), '--members', join(HK_DATA, 'hstech_members.csv')]);
    expect(await json(['news', 'why', 'HSTECH', '--on', '2025-02-07', '--db', db()])).toEqual(withFile);
    const [code, , err] = await runCli(['news', 'why', 'HSI', '--on', '2025-02-07', '--db', db()]);
    expect(code).toBe(1);
    expect(err).toContain('no members of HSI in the store: import a hsi_members.csv or pass --members FILE');
  }, 180_000);

  it('event-study 0268.HK vs HSI: the same study from the stored series as from the CSV files', async () => {
    const fromStore = await json(['event-study', '0268.HK', '--event', '2025-02-07', '--db', db()]);
    const fromFiles = await json(['event-study', '0268.HK', '--event', '2025-02-07', '--data', HK_DATA]);
    expect(fromStore).toEqual(fromFiles);
    expect((fromStore as { eventSession: string }).eventSession).toBe('2025-02-07');
    const [code, , err] = await runCli(['event-study', '9999.XX', '--event', '2025-02-07', '--db', db()]);
    expect(code).toBe(1);
    expect(err).toContain('no price series for 9999.XX in the store');
  }, 120_000);

  it('news entities --db --from --to links the stored articles of those days as from their files', async () => {
    const fromStore = (await json(['news', 'entities', '--db', db(), '--from', '2025-02-07', '--to', '2025-02-07'])) as { articles: { origin: string; publishedAt: string }[] };
    expect(fromStore.articles.length).toBeGreaterThan(3);
    expect(fromStore.articles.every((a) => a.publishedAt.startsWith('2025-02-07'))).toBe(true);
    // each stored article of the day is linked exactly as its own file is (links, securities, themes, banks)
    for (const a of fromStore.articles.slice(0, 4)) {
      const file = (await json(['news', 'entities', a.origin])) as { articles: unknown[] };
      expect(file.articles).toEqual([a]);
    }
    const [code, , err] = await runCli(['news', 'entities']);
    expect(code).toBe(1);
    expect(err).toContain('give a news FILE or a store (--db FILE), one of the two');
  }, 120_000);

  it('replay --db (in process): the same session as from the folder, equal-weight and engine state', async () => {
    const args = ['replay', '--date', '2025-02-07'];
    expect(await json([...args, '--db', db()])).toEqual(await json([...args, '--data', HK_DATA]));
    const m = ['--methodology', join(REPO_ROOT, 'methodologies/hstech-replica.yaml')];
    const fromStore = await json([...args, ...m, '--db', db()]);
    expect(fromStore).toEqual(await json([...args, ...m, '--data', HK_DATA]));
    expect((fromStore as { stateSource: string }).stateSource).toBe('engine');
  }, 300_000);
});
