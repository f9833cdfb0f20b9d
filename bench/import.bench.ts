/**
 * Import: bars per second into the DuckDB store (appender + staged upsert, one transaction per symbol) and peak
 * memory, for 40 symbols x 2,000 bars repeated with fresh symbols to 1,040,000 bars; then the whole
 * `import` job from CSV files (parse + store) on 40 files; then a re-import of the same files (0 written).
 * Baseline (same process): row-by-row autocommit INSERTs (bench/baselines/naiveInsertBars.ts) on 2 symbols x
 * 2,000 bars (the full million would take minutes); the ratio compares bars per second.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBars } from '../src/app/importBars.js';
import { SeededRandom } from '../src/core/random.js';
import { addDays, asSecurityId, asSessionDate } from '../src/core/units.js';
import type { Bar } from '../src/domain/bar.js';
import { formatBarsCsv } from '../src/sources/csvBars/formatBarsCsv.js';
import { DuckDbBarStore } from '../src/store/duckdb/DuckDbBarStore.js';
import { naiveInsertBars } from './baselines/naiveInsertBars.js';
import { peakRssMb, report, timeAsync } from './harness.js';

const SYMBOLS = 40;
const BARS = 2000;
const REPEATS = 13; // 40 x 2,000 x 13 = 1,040,000 bars

function makeBars(seed: number): Bar[] {
  const rng = new SeededRandom(seed);
  const out: Bar[] = [];
  let close = 50 + 100 * rng.next();
  let d = asSessionDate('2015-01-01');
  for (let i = 0; i < BARS; i++) {
    const open = close;
    close = Math.round(close * Math.exp(0.02 * rng.normal()) * 1000) / 1000;
    const high = Math.max(open, close) * (1 + 0.01 * rng.next());
    const low = Math.min(open, close) * (1 - 0.01 * rng.next());
    out.push({ date: d, open, high, low, close, adjClose: close, volume: Math.round(1e6 * rng.next()) });
    d = addDays(d, 1);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'indexwire-bench-import-'));
try {
  const batches = Array.from({ length: SYMBOLS }, (_, i) => makeBars(i + 1));
  const rssBefore = peakRssMb();

  // 1. Store API into a DuckDB file: 1.04M bars.
  const store = await DuckDbBarStore.open(join(dir, 'fast.duckdb'));
  let written = 0;
  const fast = await timeAsync(async () => {
    for (let r = 0; r < REPEATS; r++) {
      for (let i = 0; i < SYMBOLS; i++) written += (await store.putBars(asSecurityId(`S${r}_${i}`), batches[i] as Bar[], 'bench')).written;
    }
  });
  await store.close();
  const fastRate = written / fast.seconds;

  // 2. Baseline: row-by-row INSERT into the same schema, 2 symbols x 2,000 bars.
  const base = await DuckDbBarStore.open(join(dir, 'naive.duckdb'));
  let naiveRows = 0;
  const naive = await timeAsync(async () => {
    for (let i = 0; i < 2; i++) naiveRows += await naiveInsertBars(base.db.raw, `N${i}`, batches[i] as Bar[], 'bench');
  });
  await base.close();
  const naiveRate = naiveRows / naive.seconds;

  // 3. The import job from CSV files (parse + validate + store), then a re-import (all skipped).
  const csvDir = join(dir, 'csv');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(csvDir);
  batches.forEach((b, i) => writeFileSync(join(csvDir, `S${i}.csv`), formatBarsCsv(b)));
  const jobStore = await DuckDbBarStore.open(join(dir, 'job.duckdb'));
  const job = await timeAsync(() => importBars(csvDir, jobStore));
  const again = await timeAsync(() => importBars(csvDir, jobStore));
  await jobStore.close();

  report(`import: store.putBars into DuckDB (${(written / 1e6).toFixed(2)}M bars, ${SYMBOLS * REPEATS} symbols)`, fastRate, 'bars/s', naiveRate);
  report(`import: naive row-by-row INSERT baseline (${naiveRows} bars)`, naiveRate, 'bars/s');
  report(`import: job from ${SYMBOLS} CSV files (${job.result.totals.written} bars, parse + store)`, job.result.totals.written / job.seconds, 'bars/s', naiveRate);
  report(`import: re-import of the same files (${again.result.totals.skipped} unchanged, ${again.result.totals.written} written)`, again.result.totals.skipped / again.seconds, 'bars/s');
  report('import: peak RSS', peakRssMb(), 'MB');
  process.stdout.write(`import: RSS before the runs ${rssBefore.toFixed(0)} MB; 1M-bar run took ${fast.seconds.toFixed(2)} s\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
