import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SeededRandom } from '../../src/core/random.js';
import { addDays, asSessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import { formatBarsCsv } from '../../src/sources/csvBars/formatBarsCsv.js';
import { runCli } from '../support/runCli.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../support/sharedData.js';
import { tempDirs } from '../support/tempDirs.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres.js';

// Issue 14 acceptance on a real PostgreSQL server (started here, removed afterwards; nothing mocked): the seed day's
// story from PostgreSQL equals the one from files; two imports of the HK folder at once leave exactly the rows of
// one; a kill -9 of an import leaves no partial batch.
const BIN = join(REPO_ROOT, 'bin/indexwire.js');
const tmp = tempDirs();
let server: ThrowawayPostgres;
beforeAll(async () => {
  server = await startThrowawayPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** Runs the built CLI as a user does; resolves [code, stdout, stderr]. */
function cli(args: readonly string[]): { child: ChildProcess; done: Promise<[number | null, string, string]> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  const done = new Promise<[number | null, string, string]>((r) => child.on('close', (code) => r([code, out, err])));
  return { child, done };
}

async function sql<T extends object>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

describeWithSharedData('PostgreSQL store: the seed story, concurrent imports (HK data, real server)', () => {
  it('the seed day\'s story from PostgreSQL equals the one from files and from DuckDB, byte for byte', async () => {
    const url = await server.createDatabase();
    const root = tmp('iw-pg-story-');
    const duck = join(root, 'desk.duckdb');
    for (const db of [url, duck]) {
      const [a, outA, errA] = await runCli(['import', HK_DATA, '--db', db, '--quiet']);
      expect([a, errA]).toEqual([0, '']);
      expect(outA).toContain('41 files into');
      const [b, , errB] = await runCli(['news', 'ingest', NEWS_DATA, '--db', db, '--quiet']);
      expect([b, errB]).toEqual([0, '']);
    }
    // the password never shows: the import's last line names the server without it
    const [, again] = await runCli(['import', HK_DATA, '--db', url, '--quiet']);
    expect(again).toContain(`41 files into ${url.replace(/:[^:@/]+@/, ':***@')}: 0 bars written, 62882 unchanged, 0 rejected`);
    const common = ['--on', '2025-02-07', '--members', join(HK_DATA, 'hstech_members.csv'), '--methodology', join(REPO_ROOT, 'methodologies/hstech-replica.yaml'), '--lang', 'en,zh-Hant'];
    const runs = { pg: ['--db', url], duckdb: ['--db', duck], files: ['--data', HK_DATA, '--news', NEWS_DATA] };
    for (const [name, src] of Object.entries(runs)) {
      const [code, out, err] = await runCli(['story', 'HSTECH', ...common, ...src, '--out', join(root, name)]);
      expect([name, code, err]).toEqual([name, 0, '']);
      expect(out).toContain('en: Hang Seng Tech Index enters technical bull market');
    }
    const names = readdirSync(join(root, 'pg')).sort();
    expect(names).toHaveLength(9); // en + zh-Hant, ledger, charts in each language
    for (const other of ['duckdb', 'files']) {
      expect(readdirSync(join(root, other)).sort()).toEqual(names);
      for (const n of names) expect(readFileSync(join(root, 'pg', n)).equals(readFileSync(join(root, other, n))), `${other}/${n}`).toBe(true);
    }
  }, 240_000);

  it('two imports of the HK folder at once (two processes) store each bar once: exactly the rows of one import', async () => {
    const url = await server.createDatabase();
    const runs = [cli(['import', HK_DATA, '--db', url, '--json']), cli(['import', HK_DATA, '--db', url, '--json'])];
    const results = await Promise.all(runs.map((r) => r.done));
    for (const [code, , err] of results) expect([code, err]).toEqual([0, '']);
    const reports = results.map(([, out]) => JSON.parse(out) as { totals: { written: number; skipped: number }; db: string });
    // every bar was written by exactly one of the two (62,882 bars in the folder), the other found it unchanged
    expect(reports[0]!.totals.written + reports[1]!.totals.written).toBe(62_882);
    expect(reports[0]!.totals.written + reports[0]!.totals.skipped).toBe(62_882);
    expect(reports[0]!.db).not.toMatch(/:[0-9a-f]{24}@/); // no password in the report
    const [bars] = await sql<{ n: number; symbols: number }>(url, 'SELECT count(*)::int AS n, count(DISTINCT symbol)::int AS symbols FROM bars');
    expect(bars).toEqual({ n: 62_882, symbols: 41 });
    // one bar revision per file written (41), one membership list of HSTECH (36 rows, once)
    expect(await sql(url, 'SELECT count(*)::int AS n FROM bar_changes')).toEqual([{ n: 41 }]);
    expect(await sql(url, "SELECT count(*)::int AS n FROM memberships WHERE code = 'HSTECH'")).toEqual([{ n: 36 }]);
    // and equal to a single import into a fresh database, row for row
    const single = await server.createDatabase();
    const [code] = await cli(['import', HK_DATA, '--db', single, '--quiet']).done;
    expect(code).toBe(0);
    const digest = 'SELECT md5(string_agg(concat_ws(\',\', symbol, date, open, high, low, close, adj_close, volume), \';\' ORDER BY symbol, date)) AS d FROM bars';
    expect(await sql(url, digest)).toEqual(await sql(single, digest));
  }, 240_000);
});

it('a kill -9 of an import (real process, real server) leaves no partial batch: each file is all in or all out', async () => {
  const url = await server.createDatabase();
  // 20 files of 10,000 bars: each file is one transaction of about a hundred milliseconds
  const dir = tmp('iw-pg-kill-');
  const sizes = new Map<string, number>();
  for (let f = 0; f < 20; f++) {
    const rng = new SeededRandom(f + 1);
    const bars: Bar[] = [];
    let close = 100;
    let d = asSessionDate('1950-01-02');
    for (let i = 0; i < 10_000; i++) {
      const open = close;
      close = Math.round(close * Math.exp(0.01 * rng.normal()) * 1000) / 1000;
      bars.push({ date: d, open, high: Math.max(open, close) * 1.01, low: Math.min(open, close) * 0.99, close, adjClose: close, volume: 1000 + i });
      // weekdays only (1950-01-02 is a Monday): import refuses weekend bars, and a refused row would look like a partial file
      d = addDays(d, new Date(`${d}T00:00:00Z`).getUTCDay() === 5 ? 3 : 1);
    }
    writeFileSync(join(dir, `K${String(f).padStart(2, '0')}.csv`), formatBarsCsv(bars));
    sizes.set(`K${String(f).padStart(2, '0')}`, bars.length);
  }
  mkdirSync(join(dir, 'empty')); // not a bar file: ignored
  const run = cli(['import', dir, '--db', url, '--quiet']);
  // wait until a few files are stored and a batch is in flight (an open transaction of the import), then kill -9
  const deadline = Date.now() + 120_000;
  for (;;) {
    // (the tables appear when the import has applied the migrations)
    const [s] = await sql<{ stored: number; open: number }>(url,
      `SELECT (SELECT count(*)::int FROM bar_changes) AS stored,
              (SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'indexwire import' AND xact_start IS NOT NULL) AS open`)
      .catch((e: Error) => (/does not exist/.test(e.message) ? [] : Promise.reject(e)));
    if (s && s.stored >= 2 && s.open > 0) break;
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`import ended or stalled before it could be killed (${JSON.stringify(s)})`);
    await new Promise((r) => setTimeout(r, 2));
  }
  run.child.kill('SIGKILL');
  const [, , ] = await run.done;
  expect(run.child.signalCode).toBe('SIGKILL');
  // the server notices the dropped connection and rolls its transaction back
  for (let i = 0; ; i++) {
    const [a] = await sql<{ n: number }>(url, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'indexwire import'");
    if (a?.n === 0) break;
    if (i > 600) throw new Error('the killed import\'s connection is still open after 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const counts = await sql<{ symbol: string; n: number }>(url, 'SELECT symbol, count(*)::int AS n FROM bars GROUP BY symbol ORDER BY symbol');
  const revisions = await sql<{ symbol: string }>(url, 'SELECT symbol FROM bar_changes ORDER BY rev');
  expect(counts.length).toBeGreaterThanOrEqual(2);
  expect(counts.length).toBeLessThan(20); // killed before the end
  for (const c of counts) expect(c.n, c.symbol).toBe(sizes.get(c.symbol)); // whole files only
  expect(revisions.map((r) => r.symbol).sort()).toEqual(counts.map((c) => c.symbol)); // a revision for each, nothing more
  // importing again completes the folder, writing only what the killed run had not committed
  const [code, out] = await cli(['import', dir, '--db', url, '--json']).done;
  expect(code).toBe(0);
  const report = JSON.parse(out) as { totals: { written: number; skipped: number } };
  const storedBefore = counts.reduce((a, c) => a + c.n, 0);
  expect(report.totals).toMatchObject({ written: 200_000 - storedBefore, skipped: storedBefore });
}, 300_000);
