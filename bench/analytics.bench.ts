/**
 * Analytics benchmark: every per-series detector (batch face) over 5,000 generated series x 20 years of daily
 * bars (weekdays, 5,218 sessions each, ~26 million bars), on one core. Prints bars per second, the time for all
 * of it, peak memory, and the ratio against the naive rescanning baseline (bench/baselines/naiveDetectors.ts)
 * run in the same process on a few series and scaled to the same number of bars (it is O(n^2) per series, so it
 * is scaled per series of the same length, not per bar). Also the streaming face on a subset.
 * Series are generated one at a time into reused buffers; generation is not timed.
 * Options: SERIES=5000 YEARS=20 NAIVE_SERIES=2 STREAM_SERIES=20.
 * Also prints a machine calibration (ns per element of a plain Float64Array sum) to compare machines.
 */
import { cpus, loadavg } from 'node:os';
import { SeededRandom } from '../src/core/random.js';
import type { SessionDate } from '../src/core/units.js';
import type { Bar } from '../src/domain/bar.js';
import { DETECTORS } from '../src/analytics/registry.js';
import { BarColumns } from '../src/analytics/series/BarColumns.js';
import { naiveAllDetectors } from './baselines/naiveDetectors.js';
import { bestOf, peakRssMb, report, time } from './harness.js';

const cpuSince = (c0: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(c0);
  return (u.user + u.system) / 1e6;
};
const bestOfTimes = (runs: number, fn: () => number): number => bestOf(runs, fn).seconds;

const SERIES = Number(process.env['SERIES'] ?? 5000);
const YEARS = Number(process.env['YEARS'] ?? 20);
const NAIVE_SERIES = Number(process.env['NAIVE_SERIES'] ?? 2);
const STREAM_SERIES = Number(process.env['STREAM_SERIES'] ?? 20);

// One weekday calendar shared by every series.
const dates: SessionDate[] = [];
const dayNums: number[] = [];
for (let t = Date.UTC(2005, 0, 3); dates.length < YEARS * 261; t += 86_400_000) {
  const wd = new Date(t).getUTCDay();
  if (wd === 0 || wd === 6) continue;
  dates.push(new Date(t).toISOString().slice(0, 10) as SessionDate);
  dayNums.push(t / 86_400_000);
}
const n = dates.length;
const days = Int32Array.from(dayNums);
const closes = new Float64Array(n), highs = new Float64Array(n), lows = new Float64Array(n), volumes = new Float64Array(n);
let cols = new BarColumns(dates, closes, highs, lows, volumes, days);

/** Fills the shared buffers with series `s`: fat-tailed daily returns (Student-t, 1.5% sd), regimes of drift. */
function generate(s: number): void {
  cols = new BarColumns(dates, closes, highs, lows, volumes, days); // fresh per-series memo over the reused buffers
  const rnd = new SeededRandom(1000 + s);
  let p = 100 * (1 + rnd.next());
  let drift = 0;
  for (let i = 0; i < n; i++) {
    if (i % 250 === 0) drift = (rnd.next() - 0.5) * 0.002;
    const prev = p;
    p = Math.max(0.01, p * (1 + drift + 0.015 * rnd.studentT(4)));
    closes[i] = p;
    highs[i] = Math.max(prev, p) * (1 + 0.01 * rnd.next());
    lows[i] = Math.min(prev, p) * (1 - 0.01 * rnd.next());
    volumes[i] = 1e6 * (0.5 + rnd.next());
  }
}

function runAll(): number {
  let sink = 0;
  for (const d of DETECTORS) {
    const out = d.batch(cols);
    sink += out.factsAt(n - 1)?.length ?? 0; // the latest session, as a milestone report would ask
  }
  return sink;
}

let seconds = 0;
let cpuSeconds = 0;
let sink = 0;
for (let s = 0; s < SERIES; s++) {
  generate(s);
  const cpu0 = process.cpuUsage();
  const t = time(runAll);
  const cpu = process.cpuUsage(cpu0);
  cpuSeconds += (cpu.user + cpu.system) / 1e6;
  seconds += t.seconds;
  sink += t.result;
}
const bars = SERIES * n;
const barsPerSecond = bars / seconds;

// Naive baseline: same detectors, rescanning history at every session; a few series, scaled per series.
let naiveSeconds = 0;
let naiveCpu = 0;
for (let s = 0; s < NAIVE_SERIES; s++) {
  generate(s);
  const c0 = process.cpuUsage();
  naiveSeconds += time(() => naiveAllDetectors(cols)).seconds;
  naiveCpu += cpuSince(c0);
}
const naivePerSeries = naiveSeconds / NAIVE_SERIES;
const naiveBarsPerSecond = n / naivePerSeries;

// Streaming face: one bar at a time through every detector (Facts materialised per session, as live would).
let streamSeconds = 0;
let streamCpu = 0;
for (let s = 0; s < STREAM_SERIES; s++) {
  generate(s);
  const barList: Bar[] = [];
  for (let i = 0; i < n; i++) barList.push({ date: dates[i] as SessionDate, open: closes[i] as number, high: highs[i] as number, low: lows[i] as number, close: closes[i] as number, adjClose: null, volume: volumes[i] as number });
  const c0 = process.cpuUsage();
  streamSeconds += time(() => {
    const ds = DETECTORS.map((d) => d.create());
    for (const b of barList) for (const d of ds) d.update(b);
  }).seconds;
  streamCpu += cpuSince(c0);
}

// Machine calibration: a plain sum over a Float64Array (about 0.5 ns per element on a quiet modern core).
const cal = new Float64Array(1 << 20).map((_, k) => k);
const sumAll = () => {
  let a = 0;
  for (let k = 0; k < cal.length; k++) a += cal[k] as number;
  return a;
};
const calNs = (bestOfTimes(20, sumAll) / cal.length) * 1e9;

process.stdout.write(`machine: ${calNs.toFixed(2)} ns per element of a plain Float64Array sum (load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)\n`);
process.stdout.write(`${DETECTORS.length} detectors, ${SERIES.toLocaleString('en-US')} series x ${n.toLocaleString('en-US')} sessions = ${bars.toLocaleString('en-US')} bars (checksum ${sink})\n`);
process.stdout.write(`all detectors, batch: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU on one core (goal < 5 s)\n`);
process.stdout.write(`naive baseline: ${naivePerSeries.toFixed(2)} s per series, measured on ${NAIVE_SERIES} series; scaled to ${SERIES} series: ${(naivePerSeries * SERIES / 3600).toFixed(1)} h\n`);
const naiveCpuBarsPerSecond = (NAIVE_SERIES * n) / naiveCpu;
report('analytics batch (all detectors), wall', barsPerSecond, 'bars/s', naiveBarsPerSecond);
report('analytics batch (all detectors), CPU', bars / cpuSeconds, 'bars per CPU second', naiveCpuBarsPerSecond);
report('analytics streaming (all detectors, Facts per update), CPU', (STREAM_SERIES * n) / streamCpu, `bars per CPU second (${STREAM_SERIES} series; ${((STREAM_SERIES * n) / streamSeconds).toFixed(0)} wall)`, naiveCpuBarsPerSecond);
report('peak memory', peakRssMb(), 'MB RSS (goal < 1,024)');
