/**
 * Live calculator throughput and tick-to-level latency (issue 6 goals: ≥ 5M ticks/s per core at 30 members,
 * ≥ 20× the naive full-sum version at 500 members). One core, ticks pre-generated (seeded random walk), so the
 * figure is the calculator alone: `applyAt` (member position known, as after a feed's symbol table) and
 * `apply(tick)` (symbol lookup, rule checks, session hours). Latency: one tick applied and the level read,
 * timed alone for every 64th tick with hrtime (includes ~30-50 ns of timer overhead). Throughputs are the best
 * of 3 runs after a warm-up, for the calculator and the baseline alike.
 */
import { asIndexCode, asSecurityId, asSessionDate, asTimeMs } from '../src/core/units.js';
import type { Tick } from '../src/domain/tick.js';
import { SeededRandom } from '../src/core/random.js';
import { LiveIndexCalculator } from '../src/realtime/LiveIndexCalculator.js';
import type { LiveIndexState } from '../src/realtime/liveIndexState.js';
import { NaiveLive } from './baselines/naiveLive.js';
import { report } from './harness.js';

const TICKS = Number(process.env.BENCH_TICKS ?? 4_000_000);

function fixture(n: number) {
  const rnd = new SeededRandom(n);
  const members = Array.from({ length: n }, (_, i) => ({ symbol: asSecurityId(`${String(i).padStart(4, '0')}.HK`), indexShares: 1000 + rnd.next() * 1e6, previousClose: 10 + rnd.next() * 400 }));
  const state: LiveIndexState = { code: asIndexCode('BENCH'), sessionDate: asSessionDate('2025-02-07'), divisor: 1e5, members };
  const who = new Int32Array(TICKS);
  const px = new Float64Array(TICKS);
  const last = Float64Array.from(members.map((m) => m.previousClose));
  for (let k = 0; k < TICKS; k++) {
    const i = Math.floor(rnd.next() * n);
    last[i] = (last[i] as number) * (1 + (rnd.next() - 0.5) * 0.002);
    who[k] = i;
    px[k] = last[i] as number;
  }
  return { state, who, px };
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

for (const n of [30, 500]) {
  const { state, who, px } = fixture(n);
  const t0ms = Date.UTC(2025, 1, 7, 1, 30);
  // Fast path: applyAt, times increasing 1 ms a tick, no seq (time ordering rules).
  const runFast = () => {
    const c = new LiveIndexCalculator(state);
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < TICKS; k++) c.applyAt(who[k] as number, t0ms + k, px[k] as number, NaN, NaN, NaN);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    const level = c.level();
    c.release(); // end of session: the next session reuses the level path's memory, as a live desk does
    return { s, level };
  };
  // Best of 3 after a warm-up, for both sides (the machine is shared; the best run is the least disturbed).
  const best = <T extends { s: number }>(f: () => T): T => {
    f();
    let b = f();
    for (let r = 0; r < 2; r++) {
      const x = f();
      if (x.s < b.s) b = x;
    }
    return b;
  };
  const fast = best(runFast);
  // Full path: Tick objects with symbol lookup, seq and session hours.
  const ticks: Tick[] = Array.from({ length: Math.min(TICKS, 1_000_000) }, (_, k) => ({ symbol: state.members[who[k] as number]!.symbol, timeMs: asTimeMs(t0ms + k), price: px[k] as number, seq: k + 1 }));
  const hours = [{ startMs: t0ms, endMs: t0ms + 9_000_000 }];
  const runFull = () => {
    const c = new LiveIndexCalculator(state, hours);
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < ticks.length; k++) c.apply(ticks[k] as Tick);
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const full = best(() => ({ s: runFull() })).s;
  // Naive baseline: recompute the sum on every tick (fewer ticks at 500 members, it is slow).
  const naiveTicks = n >= 500 ? Math.min(TICKS, 200_000) : TICKS;
  const shares = Float64Array.from(state.members.map((m) => m.indexShares));
  const prev = Float64Array.from(state.members.map((m) => m.previousClose));
  const runNaive = () => {
    const b = new NaiveLive(shares, prev, state.divisor);
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < naiveTicks; k++) b.apply(who[k] as number, px[k] as number);
    return { s: Number(process.hrtime.bigint() - t0) / 1e9, level: b.level() };
  };
  const naive = best(runNaive);
  // Same answer check on the naive run's ticks.
  const check = new LiveIndexCalculator(state);
  for (let k = 0; k < naiveTicks; k++) check.applyAt(who[k] as number, t0ms + k, px[k] as number, NaN, NaN, NaN);
  const rel = Math.abs(check.level() - naive.level) / naive.level;
  // Latency samples.
  const lat = (apply: (k: number) => void, count: number) => {
    const out = new Float64Array(Math.floor(count / 64));
    let j = 0;
    for (let k = 0; k < count; k++) {
      if ((k & 63) === 0 && j < out.length) {
        const a = process.hrtime.bigint();
        apply(k);
        out[j++] = Number(process.hrtime.bigint() - a);
      } else apply(k);
    }
    return out.sort();
  };
  const cl = new LiveIndexCalculator(state);
  let sink = 0;
  const fastLat = lat((k) => {
    cl.applyAt(who[k] as number, t0ms + k, px[k] as number, NaN, NaN, NaN);
    sink += cl.level();
  }, TICKS);
  const nb = new NaiveLive(shares, prev, state.divisor);
  const naiveLat = lat((k) => {
    nb.apply(who[k] as number, px[k] as number);
    sink += nb.level();
  }, naiveTicks);
  const fastRate = TICKS / fast.s;
  const naiveRate = naiveTicks / naive.s;
  report(`live ${n} members: ticks/s per core (applyAt)`, fastRate, 'ticks/s', naiveRate);
  report(`live ${n} members: ticks/s per core (apply(tick): lookup, seq, hours)`, ticks.length / full, 'ticks/s', naiveRate);
  report(`live ${n} members: naive full-sum baseline`, naiveRate, 'ticks/s');
  process.stdout.write(
    `live ${n} members: tick-to-level latency p50 ${percentile(fastLat, 0.5)} ns, p99 ${percentile(fastLat, 0.99)} ns` +
      ` (naive p50 ${percentile(naiveLat, 0.5)} ns, p99 ${percentile(naiveLat, 0.99)} ns); level agrees with naive to ${rel.toExponential(1)}${sink === 0 ? '' : ''}\n`,
  );
}
