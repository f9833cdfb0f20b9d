/**
 * The tick path with the live story desk on, against the same path without it (issue 13: within 10%). One session
 * of HSTECH on 2025-02-07 from the real data (the engine replica's state, the seeded path of 30 members and the
 * index's own levels, 2 s publications with the analytics live facts): events through `LiveDesk.onEvent`, every
 * publication to the hub. With the desk: the official levels' tap, a moment per publication (the "as much as"
 * steps, the analytics detectors on the official bar at new extremes and once a minute), and the versions written
 * (writeStory, files in a temporary folder). Best of 5 alternating runs; the load average is printed beside.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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

async function run(withDesk: boolean): Promise<{ seconds: number; versions: number }> {
  const hub = new LiveHub();
  const session = new LiveIndexSession(setup.state, { intervals: setup.intervalsWithAuction, publishEveryMs: 2000, ...liveFactsOptions(setup, true) });
  const dir = mkdtempSync(join(tmpdir(), 'iw-bench-livestories-'));
  try {
    const stories = withDesk ? await startLiveStories(setup, { storiesDir: dir, hub }) : null;
    const desk = new LiveDesk([session], hub, stories?.taps);
    stories?.attach();
    const t0 = process.hrtime.bigint();
    for (const ev of events) desk.onEvent(ev);
    desk.finish();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    session.calculator.release();
    return { seconds, versions: stories?.desk.versions.length ?? 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await run(false);
await run(true); // warm-up (JIT, the story writer's Intl formats)
let off = Infinity, on = Infinity, versions = 0;
for (let r = 0; r < 5; r++) {
  off = Math.min(off, (await run(false)).seconds);
  const x = await run(true);
  on = Math.min(on, x.seconds);
  versions = x.versions;
}
const rate = (s: number) => events.length / s;
process.stdout.write(`liveStories: ${events.length} events, ${versions} story versions written per run; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
report('tick path with the live story desk (events/s)', rate(on), 'events/s', rate(off));
process.stdout.write(`liveStories: with the desk ${(100 * (rate(on) / rate(off) - 1)).toFixed(1)}% vs without (goal: within 10%)\n`);
