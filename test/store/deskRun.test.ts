import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeskRunReport } from '../../src/app/deskRun/runDeskSession.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA } from '../support/sharedData.js';
import { runCli } from '../support/runCli.js';

// Issue 11, "The session in one command": for 2025-02-07 on the HK data, `desk run` writes at least the HSTECH and
// HSI stories, each passing the story checker, in English and Traditional Chinese with ledger and charts, and the site.
describeWithSharedData('desk run --on 2025-02-07 on the HK store (real data)', () => {
  let root = '';
  let report: DeskRunReport;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'iw-desk-run-'));
    const db = join(root, 'desk.duckdb');
    expect((await runCli(['import', HK_DATA, '--db', db, '--quiet']))[0]).toBe(0);
    expect((await runCli(['news', 'ingest', NEWS_DATA, '--db', db, '--quiet']))[0]).toBe(0);
    const [code, out, err] = await runCli(['desk', 'run', '--on', '2025-02-07', '--db', db, '--out', join(root, 'out'), '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    report = JSON.parse(out) as DeskRunReport;
  }, 180_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes the HSTECH and HSI stories, each published (gates and checker passed), in both languages with ledger and charts', () => {
    for (const symbol of ['HSTECH', 'HSI']) {
      const s = report.stories.find((x) => x.symbol === symbol);
      expect(s, symbol).toMatchObject({ kind: 'index', published: true, reasons: [] });
      const slug = `${symbol.toLowerCase()}-2025-02-07`;
      for (const f of [`${slug}.en.md`, `${slug}.zh-Hant.md`, `${slug}.ledger.json`, `${slug}.index.svg`, `${slug}.png`]) {
        expect(s?.files, f).toContain(join(root, 'out', 'stories', f));
        expect(existsSync(join(root, 'out', 'stories', f)), f).toBe(true);
      }
    }
    expect(report.stories.find((x) => x.symbol === 'HSTECH')?.headlines.en).toBe('Hang Seng Tech Index enters technical bull market');
  });

  it('computes the replica once (from the base date in a new store), and gives stocks with a headline fact their story', () => {
    expect(report.indexes).toEqual([expect.objectContaining({ code: 'HSTECH-R', from: 'base', reason: 'no stored state' })]);
    expect(report.series.computed).toBe(40); // the stored series with a bar on 2025-02-07 (40 of the 41 files)
    const stocks = report.stories.filter((s) => s.kind === 'stock');
    // the seed's names: Lenovo (0992) and Xiaomi (1810) at records, Kingdee (0268) with its biggest gain since 2022
    expect(stocks.map((s) => s.symbol)).toEqual(expect.arrayContaining(['0992.HK', '1810.HK', '0268.HK']));
    expect(stocks.find((s) => s.symbol === '0268.HK')?.why).toEqual(['biggest one-session gain since 2022-12-05']);
    expect(stocks.every((s) => s.why.length > 0)).toBe(true);
    // every story the desk chose passes its gates and the checker (BYD's was once refused by the Chinese catalyst check)
    expect(report.stories.filter((s) => !s.published).map((s) => [s.symbol, s.reasons])).toEqual([]);
    expect(report.stories.some((s) => s.symbol === 'HSTECH.investing')).toBe(false); // another source of HSTECH, not a stock
  });

  it('rebuilds the site from the stories folder', () => {
    expect(report.site).toMatchObject({ dir: join(root, 'out', 'site'), stories: report.stories.filter((s) => s.published).length * 2 });
    expect(readFileSync(join(root, 'out', 'site', 'index.html'), 'utf8')).toContain('Hang Seng Tech Index enters technical bull market');
  });

  it('a second run continues the index from the stored state (nothing new) and writes the same files', async () => {
    const before = readFileSync(join(root, 'out', 'stories', 'hstech-2025-02-07.en.md'));
    const [code, out] = await runCli(['desk', 'run', '--on', '2025-02-07', '--db', join(root, 'desk.duckdb'), '--out', join(root, 'out'), '--json', '--no-site']);
    expect(code).toBe(0);
    const again = JSON.parse(out) as DeskRunReport;
    expect(again.indexes[0]).toMatchObject({ from: 'current', sessions: 0 });
    expect(readFileSync(join(root, 'out', 'stories', 'hstech-2025-02-07.en.md')).equals(before)).toBe(true);
  }, 60_000);
});
