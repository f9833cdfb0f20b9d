/**
 * CLI start-up (`npm run bench -- cli`): whole `indexwire` processes as a user runs them (the compiled CLI in
 * dist/, through bin/indexwire.js), side by side with a bare `node -e ""` in the same run. Each round runs the
 * baseline and then every row once, in turn (so a machine that slows down slows them all); a row's ratio is
 * the median over rounds of (row / that round's baseline). One warm-up round first, not counted (it writes
 * the V8 code caches a first run writes). Wall-clock milliseconds, min / median / max.
 *
 * A row is one entry of CLI_ROWS (bench/cliRows.ts): add a command there. Options: RUNS=10.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasSharedData, REPO_ROOT, SHARED_DATA } from '../test/support/sharedData.js';
import { CLI_ROWS, type CliBenchContext } from './cliRows.js';

const RUNS = Number(process.env['RUNS'] ?? 10);
const BIN = join(REPO_ROOT, 'bin/indexwire.js');

interface Timed {
  readonly ms: number;
  readonly status: number | null;
  readonly stderr: string;
}

function timeProcess(args: readonly string[], cwd: string): Timed {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, status: r.status, stderr: r.stderr ?? '' };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};

const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build.cjs'), '--quiet'], { cwd: REPO_ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('bench cli: the build failed (npm run build)');

const tmp = mkdtempSync(join(tmpdir(), 'iw-bench-cli-'));
try {
  const ctx: CliBenchContext = { repo: REPO_ROOT, tmp, shared: SHARED_DATA };
  const rows = CLI_ROWS.filter((row) => {
    if (row.needsSharedData && !hasSharedData) {
      process.stdout.write(`${row.label}: skipped: needs the real data in ${SHARED_DATA} (not found)\n`);
      return false;
    }
    return true;
  });
  for (const row of rows) row.prepare?.(ctx);
  const baseline = ['-e', ''];
  const loadBefore = loadavg();
  const argsOf = rows.map((row) => [BIN, ...row.args(ctx)]);
  const times: number[][] = rows.map(() => []);
  const ratios: number[][] = rows.map(() => []);
  const node: number[] = [];
  for (let round = 0; round <= RUNS; round++) {
    const base = timeProcess(baseline, REPO_ROOT);
    rows.forEach((row, i) => {
      const t = timeProcess(argsOf[i] ?? [], REPO_ROOT);
      if (t.status !== (row.exitCode ?? 0)) {
        throw new Error(`bench cli: ${row.label} exited ${t.status}: ${t.stderr.split('\n')[0] ?? ''}`);
      }
      if (round === 0) return; // warm-up
      times[i]?.push(t.ms);
      ratios[i]?.push(t.ms / base.ms);
    });
    if (round > 0) node.push(base.ms);
  }
  const fmt = (x: number) => `${x.toFixed(0)} ms`.padStart(8);
  // other processes on the machine slow every row, the bare node start least (a ratio under load is higher than idle)
  process.stdout.write(`load average before: ${loadBefore.map((x) => x.toFixed(2)).join(' ')}; after: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (1, 5, 15 min)\n`);
  const labelWidth = Math.max(18, ...rows.map((r) => r.label.length));
  process.stdout.write(`whole processes, ${RUNS} rounds after 1 warm-up, wall time; x node = median of (command / node -e "" of the same round)\n`);
  process.stdout.write(`${'command'.padEnd(labelWidth)}       min   median      max   x node  target\n`);
  process.stdout.write(`${'node -e ""'.padEnd(labelWidth)}  ${fmt(Math.min(...node))} ${fmt(median(node))} ${fmt(Math.max(...node))}     1.0x\n`);
  rows.forEach((row, i) => {
    const t = times[i] ?? [];
    const x = median(ratios[i] ?? []);
    const target = row.targetX === undefined ? '' : `<= ${row.targetX}x ${x <= row.targetX ? 'ok' : 'OVER'}`;
    process.stdout.write(`${row.label.padEnd(labelWidth)}  ${fmt(Math.min(...t))} ${fmt(median(t))} ${fmt(Math.max(...t))} ${`${x.toFixed(1)}x`.padStart(8)}  ${target}\n`);
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
