/**
 * The tick path with the live story desk on, against the same path without it (issue 13: within 10%). One session
 * of HSTECH on 2025-02-07 from the real data (the engine replica's state, the seeded path of 30 members and the
 * index's own levels, 2 s publications with the analytics live facts): events through `LiveDesk.onEvent`, every
 * publication to the hub. With the desk: the official levels' tap, a moment per publication (the "as much as"
 * steps, the analytics detectors on the official bar at new extremes and once a minute), and the versions written
 * (writeStory, files in a temporary folder, right after the tick batch: the runs' times include them). Three figures, the load average beside: the best wall time of 11
 * alternating runs each way (a full garbage collection before each), the median CPU time (user + system) of the same runs, and the desk's own time inside a
 * run (its tap and publication listener timed with hrtime) against the rest of the path: on a shared, loaded
 * machine the first two swing with other processes, the third is the steadiest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join, resolve } from 'node:path';
import { liveFactsOptions } from '../src/app/live/analyticsLiveFacts.js';
import { LiveDesk } from '../src/app/live/LiveDesk.js';
import { LiveHub } from '../src/app/live/LiveHub.js';
import { loadLiveSetup } from '../src/app/live/loadLiveSetup.js';
import { startLiveStories } from '../src/app/live/startLiveStories.js';
import { asSecurityId, asSessionDate } from '../src/core/units.js';
import { generateSessionTicks, generateTickPath } from '../src/realtime/generateTickPath.js';
import { LiveIndexSession, type LiveEvent } from '../src/realtime/LiveIndexSession.js';
import { report } from './harness.js';

const data = resolve(process.env.INDEXWIRE_SHARED ?? '../shared', 'data/hk');
const setup = await loadLiveSetup({ dataDir: data, date: asSessionDate('2025-02-07'), methodologyPath: 'methodologies/hstech-replica.yaml' }).catch((e: Error) => {
  process.stdout.write(`liveStories: skipped, needs ../shared/data/hk (${e.message.split('\n')[0]})\n`);
  process.exit(0);
});
const own = setup.official;
if (!own?.day) throw new Error('no HSTECH bar on 2025-02-07');
const events: LiveEvent[] = [...generateSessionTicks(setup.days, setup.intervals, { seed: 1 }), ...generateTickPath(asSecurityId(own.code), own.day, setup.intervals, { seed: 1, hkexTicks: false })]
  .sort((x, y) => x.timeMs - y.timeMs || (x.symbol < y.symbol ? -1 : x.symbol > y.symbol ? 1 : (x.seq ?? 0) - (y.seq ?? 0)));

// A full collection before each timed run, both ways: the garbage of the set-up (the story desk feeds its milestone
// detectors the whole history once) and of the previous run is not charged to the ticks that follow.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** CPU time of this process (user + system, seconds): less disturbed by other processes than wall time on a loaded machine. */
const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function run(withDesk: boolean, split = false): Promise<{ seconds: number; cpu: number; versions: number; deskSeconds: number; writeSeconds: number }> {
  const hub = new LiveHub();
  const session = new LiveIndexSession(setup.state, { intervals: setup.intervalsWithAuction, publishEveryMs: 2000, ...liveFactsOptions(setup, true) });
  const dir = mkdtempSync(join(tmpdir(), 'iw-bench-livestories-'));
  try {
    const stories = withDesk ? await startLiveStories(setup, { storiesDir: dir, hub }) : null;
    let deskNs = 0n;
    // The split: the desk's own time (its tap of the official levels and its publication listener), timed in the run.
    const timed = <A extends unknown[]>(f: (...a: A) => void) => (...a: A) => {
      const t = process.hrtime.bigint();
      f(...a);
      deskNs += process.hrtime.bigint() - t;
    };
    const taps = stories && split ? new Map([...stories.taps].map(([k, f]) => [k, timed(f)])) : stories?.taps;
    const desk = new LiveDesk([session], hub, taps);
    if (stories && split) hub.subscribe(setup.state.code, timed((pub) => stories.desk.onPublication(pub)));
    else stories?.attach();
    collectGarbage();
    const c0 = cpuSeconds();
    const t0 = process.hrtime.bigint();
    for (const ev of events) desk.onEvent(ev);
    desk.finish();
    const pathSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    // The versions are written right after the tick batch (here: after the loop): their time counts too.
    await stories?.desk.idle();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = cpuSeconds() - c0;
    session.calculator.release();
    return { seconds, cpu, versions: stories?.desk.versions.length ?? 0, deskSeconds: Number(deskNs) / 1e9, writeSeconds: seconds - pathSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
await run(false);
await run(true); // warm-up (JIT, the story writer's Intl formats)
const RUNS = 11;
const off: { seconds: number; cpu: number }[] = [];
const on: { seconds: number; cpu: number }[] = [];
let versions = 0;
for (let r = 0; r < RUNS; r++) {
  off.push(await run(false));
  const x = await run(true);
  on.push(x);
  versions = x.versions;
}
const splits = [];
for (let r = 0; r < 3; r++) splits.push(await run(true, true));
const rate = (s: number) => events.length / s;
const best = (xs: { seconds: number }[]) => Math.min(...xs.map((x) => x.seconds));
const cpuMed = (xs: { cpu: number }[]) => median(xs.map((x) => x.cpu));
process.stdout.write(`liveStories: ${events.length} events, ${versions} story versions written per run; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
report('tick path with the live story desk (events/s, best wall time)', rate(best(on)), 'events/s', rate(best(off)));
process.stdout.write(`liveStories: with the desk ${(100 * (rate(best(on)) / rate(best(off)) - 1)).toFixed(1)}% vs without, best of ${RUNS} wall times (goal: within 10%)\n`);
process.stdout.write(`liveStories: with the desk ${(100 * (cpuMed(off) / cpuMed(on) - 1)).toFixed(1)}% vs without, median of ${RUNS} CPU times (${(cpuMed(on) * 1000).toFixed(0)} ms vs ${(cpuMed(off) * 1000).toFixed(0)} ms)\n`);
const sp = splits.map((x) => ({ desk: x.deskSeconds, write: x.writeSeconds, rest: x.seconds - x.deskSeconds - x.writeSeconds }));
const ms = (f: (x: (typeof sp)[number]) => number) => (median(sp.map(f)) * 1000).toFixed(0);
process.stdout.write(`liveStories: the desk's own time in the run (median of 3): on the tick path (its tap and listener, timed inside) ${ms((x) => x.desk)} ms, ${(100 * median(sp.map((x) => x.desk / x.rest))).toFixed(1)}% on top of the path without it (${ms((x) => x.rest)} ms); writing the versions after it ${ms((x) => x.write)} ms; all of the desk ${(100 * median(sp.map((x) => (x.desk + x.write) / x.rest))).toFixed(1)}%\n`);
