import type { JetStreamClient, PubAck } from 'nats';
import { partitionOf } from '../../realtime/partitionState.js';
import type { LiveEvent } from '../../realtime/LiveIndexSession.js';
import type { PublicationSchedule } from '../../realtime/PublicationSchedule.js';
import type { NatsNames } from './natsNames.js';
import type { Watermark } from './publishTicks.js';

/**
 * The live tick gateway of the scale-out: each event goes to its symbol's partition; watermarks for the
 * publication times go to every partition when an event's time or the clock passes them (call
 * {@link advanceTo} from a timer). Publishing never blocks the caller: one connection keeps the order per
 * partition, and failures are counted (`failed`) and reported through `onError`. Message ids carry a run id,
 * so a restarted gateway is not mistaken for a repeat of the previous one.
 */
export class NatsGateway {
  private readonly counts: number[];
  private readonly inFlight = new Set<Promise<PubAck | void>>();
  published = 0;
  failed = 0;

  constructor(
    private readonly js: JetStreamClient,
    private readonly names: NatsNames,
    private readonly partitions: number,
    private readonly schedule: PublicationSchedule,
    private readonly runId: string,
    private readonly onError: (e: Error) => void = () => {},
  ) {
    this.counts = new Array<number>(partitions).fill(0);
  }

  onEvent(ev: LiveEvent): void {
    this.advanceTo(ev.timeMs);
    this.send(partitionOf(ev.symbol, this.partitions), ev);
  }

  /** Publishes the watermarks of every publication time at or before `timeMs` (UTC ms). */
  advanceTo(timeMs: number): void {
    for (const slot of this.schedule.due(timeMs)) {
      for (let k = 0; k < this.partitions; k++) this.send(k, { type: 'watermark', timeMs: slot.timeMs, phase: slot.phase });
    }
  }

  /** True once the close watermark was sent. */
  closed(): boolean {
    return this.schedule.done();
  }

  /** Resolves when everything sent so far is stored (or failed). */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private send(k: number, body: LiveEvent | Watermark): void {
    const n = ++this.counts[k]!;
    const p = this.js
      .publish(this.names.tickSubject(k), JSON.stringify(body), { msgID: `${this.runId}-p${k}-${n}` })
      .then(() => {
        this.published++;
      })
      .catch((e: Error) => {
        this.failed++;
        this.onError(e);
      });
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }
}
