/**
 * The API's latest-level endpoint on loopback (issue 6 goal: 5,000 requests/s, p99 under 10 ms):
 * GET /api/indexes/HSTECH/latest served by the real server (desk over ../shared/data/hk, kept in memory),
 * against a baseline route that recomputes the level per request (bench/baselines/naiveLatestLevel.ts),
 * both in the same process and under the same load (worker-thread client, 32 keep-alive connections);
 * then paced at the goal rate (5,000 req/s; p99 from scheduled send times), then under `wrk` when installed.
 * On a shared 2-core machine the saturated p99 mostly measures CPU contention between client and server.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createDesk } from '../src/app/desk/createDesk.js';
import { buildServer } from '../src/server/buildServer.js';
import { naiveLatestLevel } from './baselines/naiveLatestLevel.js';
import { report } from './harness.js';
import { runLoad } from './loadGenerator.js';
import { hasWrk, runWrk } from './wrkLoad.js';

const dataDir = resolve(process.env.INDEXWIRE_SHARED ?? resolve(import.meta.dirname, '../../shared'), 'data/hk');
if (!existsSync(join(dataDir, 'HSTECH.csv'))) {
  process.stdout.write(`api bench: SKIPPED, needs ${dataDir}/HSTECH.csv\n`);
  process.exit(0);
}
const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const app = await buildServer({ desk: createDesk({ dataDir }), rateLimit: false, dashboard: false });
app.get('/naive/latest', async () => naiveLatestLevel(join(dataDir, 'HSTECH.csv'), 'HSTECH'));
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

await runLoad(`${base}/api/indexes/HSTECH/latest`, CONNECTIONS, 1); // warm-up (JIT, desk load)
const naive = await runLoad(`${base}/naive/latest`, CONNECTIONS, SECONDS);
const fast = await runLoad(`${base}/api/indexes/HSTECH/latest`, CONNECTIONS, SECONDS);
const paced = await runLoad(`${base}/api/indexes/HSTECH/latest`, CONNECTIONS, SECONDS, 5000);
const wrk = hasWrk() ? await runWrk(`${base}/api/indexes/HSTECH/latest`, CONNECTIONS, SECONDS) : null;
await app.close();
if (wrk) {
  process.stdout.write(
    `  desk under wrk (separate process): ${Math.round(wrk.requestsPerSec).toLocaleString('en-US')} req/s, p50 ${wrk.p50Ms.toFixed(2)} ms, p99 ${wrk.p99Ms.toFixed(2)} ms, ${wrk.errors} non-2xx\n`,
  );
} else process.stdout.write('  wrk not installed (apt-get install -y wrk): in-process figures only\n');

for (const [name, r] of [['naive (recompute per request)', naive], ['desk, saturated', fast], ['desk, paced at 5,000 req/s', paced]] as const) {
  process.stdout.write(
    `  ${name}: ${Math.round(r.requestsPerSec).toLocaleString('en-US')} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms` +
      `${r.p99ScheduledMs !== undefined ? ` (p99 from scheduled send ${r.p99ScheduledMs.toFixed(2)} ms)` : ''}, ${r.requests} requests, ${r.errors} errors\n`,
  );
}
report('api latest level throughput (in-process client)', fast.requestsPerSec, 'req/s', naive.requestsPerSec);
report('api latest level p99 at 5,000 req/s (in-process client)', paced.p99Ms, 'ms', naive.p99Ms, false);
// The issue states the goal under wrk; without wrk, the in-process figures stand in.
const goal = wrk ?? { ...fast, p99Ms: paced.p99Ms };
if (wrk) report('api latest level under wrk', wrk.requestsPerSec, 'req/s', naive.requestsPerSec);
const ok = goal.requestsPerSec >= 5000 && goal.p99Ms < 10 && goal.errors === 0;
process.stdout.write(
  `  goal 5,000 req/s and p99 < 10 ms (${wrk ? 'wrk' : 'in-process'}): ${ok ? 'met' : 'NOT met'} ` +
    `(load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores; a busy machine inflates p99)\n`,
);
