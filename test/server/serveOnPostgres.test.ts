import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDesk } from '../../src/app/desk/createDesk.js';
import { asSessionDate } from '../../src/core/units.js';
import { PgLiveLevelStore } from '../../src/store/postgres/PgLiveLevelStore.js';
import { runCli } from '../support/runCli.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../support/sharedData.js';
import { tempDirs } from '../support/tempDirs.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres.js';

// Issue 14 acceptance: two `serve` processes on one PostgreSQL database answer the same; what a third process
// stores (an article, a live level) reaches both within a few seconds, without a reload. Real processes (the built
// CLI), a real server, nothing mocked.
const BIN = join(REPO_ROOT, 'bin/indexwire.js');
const tmp = tempDirs();

/** Starts `indexwire serve --db URL --port 0 --json`; resolves its URL once it prints it. */
function serve(db: string): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--json'], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INDEXWIRE_RATE_LIMIT: 'off' },
  });
  let out = '', err = '';
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, child, stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err.trim().split('\n').pop() ?? ''}`)));
  });
}

const get = async (url: string): Promise<unknown> => {
  const r = await fetch(url);
  return { status: r.status, body: await r.json() };
};

/** Polls `fn` every 100 ms until it is true; returns the milliseconds it took. */
async function within(ms: number, what: string, fn: () => Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  while (!(await fn())) {
    if (Date.now() - t0 > ms) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - t0;
}

describeWithSharedData('serve --db postgresql://: two API servers on one database (HK data, real server)', () => {
  let pg: ThrowawayPostgres;
  let db = '';
  const servers: { url: string; child: ChildProcess; stderr: () => string }[] = [];
  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    db = await pg.createDatabase();
    const [a] = await runCli(['import', HK_DATA, '--db', db, '--quiet']);
    const [b] = await runCli(['news', 'ingest', NEWS_DATA, '--db', db, '--quiet']);
    expect([a, b]).toEqual([0, 0]);
    servers.push(...(await Promise.all([serve(db), serve(db)])));
  }, 240_000);
  afterAll(async () => {
    for (const s of servers) {
      const exited = new Promise((r) => s.child.once('exit', r));
      s.child.kill('SIGTERM');
      await exited;
    }
    await pg?.stop();
  });

  it('answer /api/symbols/HSTECH/milestones?date=2025-02-07 identically, and as the desk over the folder does', async () => {
    const path = '/api/symbols/HSTECH/milestones?date=2025-02-07';
    const [one, two] = await Promise.all(servers.map((s) => get(`${s.url}${path}`)));
    expect(one).toMatchObject({ status: 200 });
    expect(two).toEqual(one);
    const folder = await createDesk({ dataDir: HK_DATA }).milestones('HSTECH', asSessionDate('2025-02-07'));
    expect((one as { body: unknown }).body).toEqual(JSON.parse(JSON.stringify(folder)));
    const facts = (folder.facts as unknown as { type: string; event?: string }[]).map((f) => `${f.type}:${f.event ?? ''}`);
    expect(facts).toContain('bull_market:entered'); // the seed's "technical bull territory"
  });

  it('an article ingested by a third process appears in /api/news?q=... on both within a few seconds', async () => {
    const q = '/api/news?q=zorblaxian';
    for (const s of servers) expect(await get(`${s.url}${q}`)).toEqual({ status: 200, body: { total: 0, items: [] } });
    const dir = tmp('iw-pg-news-');
    writeFileSync(join(dir, 'zorblaxian.md'), [
      '---', 'title: "Zorblaxian Holdings lists in Hong Kong"', 'date: 2025-02-07T16:30:00+08:00', 'source: Test wire',
      'url: https://news.example/zorblaxian', 'language: en', '---', '', 'Zorblaxian Holdings rose on its first day of trading.', '',
    ].join('\n'));
    const ingest = spawn(process.execPath, [BIN, 'news', 'ingest', dir, '--db', db, '--quiet'], { cwd: REPO_ROOT, stdio: 'ignore' });
    expect(await new Promise((r) => ingest.on('exit', r))).toBe(0);
    const ms = await Promise.all(servers.map((s) => within(10_000, `article on ${s.url}`, async () => {
      const r = (await get(`${s.url}${q}`)) as { body: { total: number } };
      return r.body.total === 1;
    })));
    for (const s of servers) {
      const r = (await get(`${s.url}${q}`)) as { body: { items: { title: string; publishedAt: string }[] } };
      expect(r.body.items.map((i) => [i.title, i.publishedAt])).toEqual([['Zorblaxian Holdings lists in Hong Kong', '2025-02-07T16:30:00+08:00']]);
    }
    process.stderr.write(`[pg serve] article visible on both servers after ${ms.join(' / ')} ms\n`);
  }, 60_000);

  it('a live level stored by the scale-out aggregator is the latest level on both servers', async () => {
    const before = (await get(`${servers[0]!.url}/api/indexes/HSTECH/latest`)) as { body: { date: string } };
    expect(before.body.date).toBe('2026-07-10'); // the last close in HSTECH.csv
    // 2026-07-13 (a Monday) 10:00 HKT = 02:00Z: the aggregator's level, as it stores it
    const timeMs = Date.UTC(2026, 6, 13, 2, 0);
    const levels = await PgLiveLevelStore.open(db);
    try {
      await levels.putLiveLevels([{
        type: 'level', index: 'HSTECH', timeMs, time: new Date(timeMs).toISOString(), phase: 'open', final: false,
        level: 4750.5, previousLevel: 4721.66, changePct: ((4750.5 - 4721.66) / 4721.66) * 100, applied: 1200, rejected: 0, duplicates: 0,
      }]);
    } finally {
      await levels.close();
    }
    // (4750.5 / 4721.66 - 1) x 100 = 0.61080...%
    const want = { code: 'HSTECH', date: '2026-07-13', level: 4750.5, previousLevel: 4721.66, changePct: ((4750.5 - 4721.66) / 4721.66) * 100 };
    for (const s of servers) {
      await within(10_000, `live level on ${s.url}`, async () => {
        const r = (await get(`${s.url}/api/indexes/HSTECH/latest`)) as { body: { date: string } };
        return r.body.date === '2026-07-13';
      });
      expect(await get(`${s.url}/api/indexes/HSTECH/latest`)).toEqual({ status: 200, body: want });
    }
    expect(want.changePct).toBeCloseTo(0.6108, 4);
  }, 60_000);
});
