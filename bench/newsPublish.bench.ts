/**
 * `news publish` of the 711 RTHK articles (issue 12; goal: under 1 s of work after start-up).
 * In process: the first run into an empty folder (includes reading the security master and building the entity
 * linker), then the same job warm into another empty folder (the work after start-up: read, repair, link, dedupe,
 * render, write), then a re-run over a folder that already holds the posts (everything unchanged, nothing written).
 * Whole process: `indexwire news publish ... --out DIR --json` from the compiled CLI, start-up included.
 * Baseline in the same run: a naive republisher (bench/baselines/naivePublish.ts: yaml front matter, pairwise
 * shingle dedupe, yaml.stringify, no repair or links). Wall and CPU times; the load average is printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { publishNews } from '../src/app/news/publishNews.js';
import { naivePublish } from './baselines/naivePublish.js';
import { report } from './harness.js';

const newsDir = resolve(process.env.INDEXWIRE_SHARED ?? resolve(import.meta.dirname, '../../shared'), 'data/news/rthk_finance_en');
if (!existsSync(newsDir)) {
  process.stdout.write(`newsPublish bench: SKIPPED, needs ${newsDir}\n`);
  process.exit(0);
}
const root = mkdtempSync(join(tmpdir(), 'iw-bench-publish-'));
const cpuSeconds = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;

async function timed(out: string): Promise<{ wall: number; cpu: number; written: number; posts: number }> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = await publishNews({ inputs: [newsDir], outDir: out });
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: cpuSeconds(process.cpuUsage(c0)), written: r.written, posts: r.posts.length };
}

try {
  process.stdout.write(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  const cold = await timed(join(root, 'cold'));
  process.stdout.write(`first run (security master, linker, JIT): ${cold.wall.toFixed(3)} s wall, ${cold.cpu.toFixed(3)} s CPU, ${cold.written} posts written\n`);
  const warm: { wall: number; cpu: number; written: number }[] = [];
  for (let i = 0; i < 3; i++) warm.push(await timed(join(root, `warm${i}`)));
  const best = warm.reduce((a, b) => (b.wall < a.wall ? b : a));
  const again = await timed(join(root, 'warm0'));
  const b0 = process.cpuUsage();
  const bt = process.hrtime.bigint();
  const naive = naivePublish(newsDir, join(root, 'naive'));
  const baseWall = Number(process.hrtime.bigint() - bt) / 1e9;
  const baseCpu = cpuSeconds(process.cpuUsage(b0));
  report('news publish, 711 RTHK articles, after start-up (best of 3, wall)', best.wall, 's', baseWall, false);
  process.stdout.write(`  CPU ${best.cpu.toFixed(3)} s; ${best.written} posts written; ${(best.written / best.wall).toFixed(0)} posts/s; goal < 1 s: ${best.wall < 1 ? 'met' : 'NOT met'}\n`);
  process.stdout.write(`  re-run over the published folder: ${again.wall.toFixed(3)} s wall, ${again.written} written, ${again.posts} unchanged or updated\n`);
  process.stdout.write(`  naive baseline (no repair, no links, pairwise dedupe): ${baseWall.toFixed(3)} s wall, ${baseCpu.toFixed(3)} s CPU, ${naive} posts\n`);
  const bin = resolve(import.meta.dirname, '../bin/indexwire.js');
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const out = join(root, `cli${i}`);
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, 'news', 'publish', newsDir, '--out', out, '--json', '--quiet'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (r.status !== 0) throw new Error(`indexwire news publish failed: ${r.stderr}`);
  }
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', ''], { encoding: 'utf8' });
  const bare = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(`whole process (compiled CLI, start-up included), best of 3: ${Math.min(...runs).toFixed(3)} s wall (bare node -e "": ${bare.toFixed(3)} s)\n`);
  process.stdout.write(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
