import { connect } from 'nats';
import { loadLiveSetup, type LiveSetupOptions } from '../live/loadLiveSetup.js';
import { CalcWorker } from './CalcWorker.js';
import { natsNames } from './natsNames.js';
import { setupStreams } from './setupStreams.js';

export interface NatsWorkerOptions extends LiveSetupOptions {
  readonly natsUrl: string;
  /** Stream name prefix shared with the gateway (`replay --nats --prefix`). */
  readonly prefix: string;
  readonly partitions: number;
  /** Partitions this process owns. */
  readonly owned: readonly number[];
}

/**
 * One calculator worker process of the scale-out: creates the streams if needed (idempotent), then consumes
 * its partitions (see CalcWorker). Stop it with `stop()` (clean) — or kill the process: a restart resumes
 * without losing or doubling a tick.
 * @throws ConfigError when a partition number is out of range; Error when NATS cannot be reached.
 */
export async function runNatsWorker(o: NatsWorkerOptions): Promise<CalcWorker> {
  for (const k of o.owned) {
    if (!Number.isInteger(k) || k < 0 || k >= o.partitions) throw new RangeError(`partition ${k} is not in 0..${o.partitions - 1}`);
  }
  const setup = await loadLiveSetup(o);
  const names = natsNames(o.prefix);
  const nc = await connect({ servers: o.natsUrl });
  try {
    await setupStreams(await nc.jetstreamManager(), names, { partitions: o.partitions });
  } finally {
    await nc.drain();
  }
  return CalcWorker.start({ servers: o.natsUrl, names, partitions: o.partitions, owned: o.owned, states: [setup.state], intervals: setup.intervalsWithAuction });
}
