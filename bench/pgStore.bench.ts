/**
 * PostgreSQL against DuckDB, in one run (`npm run bench -- pgStore`; issue 14):
 *
 * 1. Import of the 500 x 5,000 synthetic market (bench/pandas/syntheticMarket.ts, the pandas bench's seeded anchor
 *    market: 2.5 M bars in 500 CSV files): the whole `indexwire import DIR --db X --quiet` process as a user runs it
 *    (start-up counts), into a new DuckDB file and into a new PostgreSQL database (a throwaway server on loopback,
 *    fsync off as in the tests; or INDEXWIRE_TEST_PG_URL). Then a re-import of the same folder (every bar unchanged).
 * 2. The API's latest-level route, `GET /api/indexes/HSTECH/latest`, served by `indexwire serve --db X` over the
 *    HK data (../shared/data/hk imported into both), under the same load (worker-thread client, 32 keep-alive
 *    connections, BENCH_SECONDS each). Both desks answer from memory; the PostgreSQL one also follows the
 *    database's change feed.
 * The ratio is PostgreSQL's figure against DuckDB's (the baseline) measured in the same run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HK_DATA, REPO_ROOT } from '../test/support/sharedData.js';
import { startThrowawayPostgres } from '../test/support/throwawayPostgres.js';
import { report } from './harness.js';
import { runLoad } from './loadGenerator.js';
import { writeSyntheticMarket } from './pandas/syntheticMarket.js';

const BIN = join(REPO_ROOT, 'bin/indexwire.js');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

function timedCli(args: readonly string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`indexwire ${args[0]} failed: ${r.stderr.trim().split('\n').pop() ?? ''}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function serve(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--json', '--no-engine'], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, INDEXWIRE_RATE_LIMIT: 'off' },
  });
  let out = '';
  return new Promise((ok, fail) => {
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) ok({ url: (JSON.parse(line) as { url: string }).url, child });
    });
    child.on('exit', (code) => fail(new Error(`serve exited (${code})`)));
  });
}

const root = mkdtempSync(join(tmpdir(), 'indexwire-bench-pg-'));
const pg = await startThrowawayPostgres();
try {
  // 1. import of the synthetic market
  const market = writeSyntheticMarket(join(root, 'market'));
  const duck = join(root, 'market.duckdb');
  const url = await pg.createDatabase();
  const duckS = timedCli(['import', market.dir, '--db', duck, '--quiet']);
  const pgS = timedCli(['import', market.dir, '--db', url, '--quiet']);
  const duckAgain = timedCli(['import', market.dir, '--db', duck, '--quiet']);
  const pgAgain = timedCli(['import', market.dir, '--db', url, '--quiet']);
  const rows = market.rows;
  process.stdout.write(`pgStore: market ${market.symbols} x ${market.sessions} = ${rows.toLocaleString('en-US')} bars, ${(market.bytes / 1e6).toFixed(0)} MB of CSV\n`);
  report('pgStore: import into DuckDB, whole process (baseline)', rows / duckS, 'bars/s');
  report('pgStore: import into PostgreSQL, whole process', rows / pgS, 'bars/s', rows / duckS);
  report('pgStore: re-import into DuckDB (all unchanged)', rows / duckAgain, 'bars/s');
  report('pgStore: re-import into PostgreSQL (all unchanged)', rows / pgAgain, 'bars/s', rows / duckAgain);
  process.stdout.write(`  seconds: DuckDB ${duckS.toFixed(1)} / ${duckAgain.toFixed(1)}, PostgreSQL ${pgS.toFixed(1)} / ${pgAgain.toFixed(1)} (import / re-import)\n`);

  // 2. the latest-level route over the HK data
  if (!existsSync(join(HK_DATA, 'HSTECH.csv'))) {
    process.stdout.write(`pgStore: latest-level route SKIPPED, needs ${resolve(HK_DATA)}/HSTECH.csv\n`);
  } else {
    const hkDuck = join(root, 'hk.duckdb');
    const hkPg = await pg.createDatabase();
    timedCli(['import', HK_DATA, '--db', hkDuck, '--quiet']);
    timedCli(['import', HK_DATA, '--db', hkPg, '--quiet']);
    const results: Record<string, Awaited<ReturnType<typeof runLoad>>> = {};
    for (const [name, db] of [['duckdb', hkDuck], ['postgresql', hkPg]] as const) {
      const s = await serve(db);
      try {
        const route = `${s.url}/api/indexes/HSTECH/latest`;
        await runLoad(route, 32, 1); // warm-up
        results[name] = await runLoad(route, 32, SECONDS);
      } finally {
        const exited = new Promise((r) => s.child.once('exit', r));
        s.child.kill('SIGTERM');
        await exited;
      }
    }
    const d = results.duckdb!, p = results.postgresql!;
    for (const [name, r] of [['DuckDB', d], ['PostgreSQL', p]] as const) {
      process.stdout.write(`  latest level, serve --db ${name}: ${Math.round(r.requestsPerSec).toLocaleString('en-US')} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${r.errors} errors\n`);
    }
    report('pgStore: API latest level on DuckDB (baseline)', d.requestsPerSec, 'req/s');
    report('pgStore: API latest level on PostgreSQL', p.requestsPerSec, 'req/s', d.requestsPerSec);
  }
} finally {
  await pg.stop();
  rmSync(root, { recursive: true, force: true });
}
