/**
 * Indexwire against pandas, end to end (`npm run bench -- pandas`; issue 11, part 4).
 *
 * The market: bench/pandas/syntheticMarket.ts (seeded; 500 symbols x 5,000 weekday sessions, one bar CSV per
 * symbol + bench_securities.json, 146 MB), the index: top 100 by free-float cap, capped at 5% with
 * redistribution, quarterly reviews (syntheticMethodologyYaml). Both sides are whole processes as a user runs them,
 * start-up included, from the CSV files to every level:
 * - Indexwire: `indexwire index build SYN.yaml --data DIR --csv` (the compiled CLI, bin/indexwire.js);
 * - pandas: `python3 bench/pandas/synthetic_index.py DIR --base-date D` (read_csv of date and close per file).
 * Rounds alternate the two (so a machine that slows down slows both); the figure is the best round of each, wall
 * clock, with CPU time (user + sys) and peak RSS from GNU time. Then one `--json` run (constituents of every
 * session, streamed) for its time and peak RSS. The level check compares every session: same dates, relative
 * difference at most 1e-9 (and prints both last levels). Without Python 3 + pandas, the pandas side is skipped
 * with one line. Options: BENCH_ROUNDS=3, BENCH_SYMBOLS=500, BENCH_SESSIONS=5000.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/support/sharedData.js';
import { report } from './harness.js';
import { syntheticMethodologyYaml, writeSyntheticMarket } from './pandas/syntheticMarket.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const BIN = join(REPO_ROOT, 'bin/indexwire.js');
const PANDAS_SCRIPT = join(REPO_ROOT, 'bench/pandas/synthetic_index.py');
const GNU_TIME = '/usr/bin/time';
const out = (line: string) => process.stdout.write(`pandas: ${line}\n`);

interface Run {
  readonly wall: number;
  readonly cpu: number | null;
  readonly rssMb: number | null;
  readonly stdout: string;
}

/** Runs a whole process; wall seconds by the clock here, CPU and peak RSS from GNU time when it is installed. */
function timed(cmd: string, args: readonly string[], stdoutFile?: string): Run {
  const stats = join(root, 'time.txt');
  const useTime = existsSync(GNU_TIME);
  const fd = stdoutFile === undefined ? 'pipe' : openSync(stdoutFile, 'w');
  const t0 = process.hrtime.bigint();
  const r = useTime
    ? spawnSync(GNU_TIME, ['-o', stats, '-f', '%U %S %M', cmd, ...args], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (typeof fd === 'number') closeSync(fd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  if (!useTime) return { wall, cpu: null, rssMb: null, stdout: r.stdout ?? '' };
  const [u, s, kb] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number];
  return { wall, cpu: u + s, rssMb: kb / 1024, stdout: r.stdout ?? '' };
}

/** The first Python 3 with pandas: `python3` on the PATH, else Debian's /usr/bin/python3 (apt-get install -y python3-pandas). */
function findPandas(): { python: string; version: string } | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(python, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python, version: r.stdout.trim() };
  }
  return null;
}

/** `date -> level` of a `date,level,...` CSV with a header. */
function levelsOf(csv: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const [d, x] = line.split(',');
    m.set(d as string, Number(x));
  }
  return m;
}

const best = (runs: readonly Run[]): Run => runs.reduce((a, b) => (b.wall < a.wall ? b : a));
const fmtRun = (r: Run) => `${r.wall.toFixed(2)} s wall, ${r.cpu === null ? '?' : r.cpu.toFixed(2)} s CPU, peak RSS ${r.rssMb === null ? '? (install GNU time)' : `${r.rssMb.toFixed(0)} MB`}`;

const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build.cjs'), '--quiet'], { cwd: REPO_ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('bench pandas: the build failed (npm run build)');

const root = mkdtempSync(join(tmpdir(), 'indexwire-bench-pandas-'));
try {
  const market = writeSyntheticMarket(join(root, 'market'), {
    symbols: Number(process.env['BENCH_SYMBOLS'] ?? 500),
    sessions: Number(process.env['BENCH_SESSIONS'] ?? 5000),
  });
  const yaml = join(root, 'syn100.yaml');
  writeFileSync(yaml, syntheticMethodologyYaml(market.first));
  const pandas = findPandas();
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  out(`market ${market.symbols} x ${market.sessions} = ${market.rows.toLocaleString('en-US')} bars in ${market.symbols} CSV files (${(market.bytes / 1e6).toFixed(0)} MB), ${market.first}..${market.last}; top 100 by free-float cap, 5% cap; load average before ${load()}`);
  if (pandas === null) out('pandas side SKIPPED: no Python 3 with pandas (apt-get install -y python3-pandas)');

  const iw: Run[] = [];
  const pd: Run[] = [];
  const iwArgs = [BIN, 'index', 'build', yaml, '--data', market.dir, '--csv'];
  const pdArgs = [PANDAS_SCRIPT, market.dir, '--base-date', market.first];
  for (let i = 0; i < ROUNDS; i++) {
    iw.push(timed(process.execPath, iwArgs));
    if (pandas) pd.push(timed(pandas.python, pdArgs));
  }
  const json = timed(process.execPath, [BIN, 'index', 'build', yaml, '--data', market.dir, '--json'], join(root, 'run.json'));
  const jsonMb = readFileSync(join(root, 'run.json')).length / 1e6;
  const loadAfter = load();

  const a = best(iw);
  const reviews = a.stdout.split('\n').filter((l) => l.includes('"review: ')).length;
  out(`${reviews} reviews; Indexwire rounds ${iw.map((r) => r.wall.toFixed(2)).join(' / ')} s${pandas ? `, pandas rounds ${pd.map((r) => r.wall.toFixed(2)).join(' / ')} s` : ''}`);
  out(`Indexwire index build --data --csv (whole process, best of ${ROUNDS}): ${fmtRun(a)}`);
  out(`Indexwire index build --data --json (${jsonMb.toFixed(0)} MB streamed to a file): ${fmtRun(json)}`);
  let failed = false;
  if (pandas) {
    const b = best(pd);
    out(`pandas ${pandas.version} (${pandas.python}; whole process, best of ${ROUNDS}): ${fmtRun(b)}`);
    report('pandas: index build from CSV, Indexwire whole process against pandas (floor 2x, goal 4x)', a.wall, 's', b.wall, false);
    if (a.cpu !== null && b.cpu !== null) out(`CPU time ratio pandas / Indexwire: ${(b.cpu / a.cpu).toFixed(1)}x`);
    const mine = levelsOf(a.stdout);
    const theirs = levelsOf(b.stdout);
    let worst = 0, worstDate = '', missing = 0;
    for (const [d, x] of theirs) {
      const y = mine.get(d);
      if (y === undefined) {
        missing++;
        continue;
      }
      const rel = Math.abs(y - x) / Math.abs(x);
      if (!(rel <= worst)) [worst, worstDate] = [rel, d];
    }
    const extra = [...mine.keys()].filter((d) => !theirs.has(d)).length;
    const lastDate = [...mine.keys()].pop() as string;
    const ok = missing === 0 && extra === 0 && worst <= 1e-9 && mine.size === market.sessions;
    failed = !ok;
    out(
      `level check ${ok ? 'OK' : 'FAILED'}: ${mine.size} sessions, ${missing + extra} dates not in both, max relative difference ${worst.toExponential(1)} (on ${worstDate}; limit 1e-9); ` +
        `last level ${lastDate}: Indexwire ${mine.get(lastDate)}, pandas ${theirs.get(lastDate)}`,
    );
  }
  out(`load average after ${loadAfter}`);
  if (a.rssMb !== null && a.rssMb > 500) out(`Indexwire peak RSS ${a.rssMb.toFixed(0)} MB is above the 500 MB ceiling`);
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(root, { recursive: true, force: true });
}
