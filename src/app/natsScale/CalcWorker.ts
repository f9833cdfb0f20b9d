import { connect, type ConsumerMessages, type JetStreamClient, type NatsConnection } from 'nats';
import type { SessionInterval } from '../../calendar/TradingCalendar.js';
import type { LiveEvent } from '../../realtime/LiveIndexSession.js';
import type { LiveIndexState } from '../../realtime/liveIndexState.js';
import type { NatsNames } from './natsNames.js';
import { PartitionProcessor } from './PartitionProcessor.js';
import type { Watermark } from './publishTicks.js';

export interface CalcWorkerOptions {
  readonly servers: string;
  readonly names: NatsNames;
  /** Partitions this worker owns (each partition has exactly one owner at a time). */
  readonly owned: readonly number[];
  readonly partitions: number;
  readonly states: readonly LiveIndexState[];
  readonly intervals: readonly SessionInterval[];
  /** Called after each message is applied (tests use it to kill a worker mid-stream). */
  readonly onApplied?: (partition: number, seq: number) => void;
  /** A failed store of shares (it is retried: 50 ms doubling up to 2 s, until it succeeds or the worker stops). */
  readonly onError?: (e: Error) => void;
}

/**
 * A calculator worker: for each owned partition, rebuilds the partition's state from the tick stream up to
 * its durable consumer's ack floor (messages already acknowledged), then consumes the durable consumer with
 * explicit acks: a message is acknowledged only after it is applied and, for a watermark, after its shares
 * are stored on `partials.<index>` (with a Nats-Msg-Id, so a re-publication after a crash is dropped).
 * Redelivered messages already applied are acknowledged and skipped; one past a gap is nak'ed to come back in
 * order. So a worker killed at any point and restarted loses and doubles no tick.
 */
export class CalcWorker {
  private readonly loops: Promise<void>[] = [];
  private readonly iters: ConsumerMessages[] = [];
  readonly processors = new Map<number, PartitionProcessor>();
  private killed = false;
  /** Messages re-applied from the stream at start (the acknowledged prefix). */
  rebuilt = 0;
  /** Redeliveries of messages already applied (acknowledged and skipped). */
  skipped = 0;
  /** Messages nak'ed because an earlier one was still missing. */
  naks = 0;
  /** Failed stores of shares, each retried. */
  storeRetries = 0;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly o: CalcWorkerOptions,
  ) {}

  static async start(o: CalcWorkerOptions): Promise<CalcWorker> {
    const nc = await connect({ servers: o.servers });
    const w = new CalcWorker(nc, nc.jetstream(), o);
    for (const k of o.owned) {
      const p = new PartitionProcessor(k, o.partitions, o.states, o.intervals);
      w.processors.set(k, p);
      await w.rebuild(p);
      w.loops.push(w.consume(p));
    }
    return w;
  }

  /** Re-applies the acknowledged prefix of the partition's stream (no shares are re-published). */
  private async rebuild(p: PartitionProcessor): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    const floor = (await jsm.consumers.info(this.o.names.tickStream(p.partition), this.o.names.tickDurable(p.partition))).ack_floor.stream_seq;
    if (floor === 0) return;
    const oc = await this.js.consumers.get(this.o.names.tickStream(p.partition), { opt_start_seq: 1 });
    while (p.lastSeq < floor) {
      const batch = await oc.fetch({ max_messages: Math.min(1000, floor - p.lastSeq), expires: 5000 });
      for await (const m of batch) {
        if (m.seq <= p.lastSeq) continue;
        p.apply(m.seq, m.json<LiveEvent | Watermark>());
        this.rebuilt++;
        if (p.lastSeq >= floor) break;
      }
    }
  }

  private async consume(p: PartitionProcessor): Promise<void> {
    const c = await this.js.consumers.get(this.o.names.tickStream(p.partition), this.o.names.tickDurable(p.partition));
    const iter = await c.consume({ max_messages: 1000 });
    this.iters.push(iter);
    for await (const m of iter) {
      if (this.killed) return;
      if (m.seq <= p.lastSeq) {
        this.skipped++;
        m.ack();
        continue;
      }
      if (m.seq > p.lastSeq + 1) {
        this.naks++;
        m.nak(20);
        continue;
      }
      const shares = p.apply(m.seq, m.json<LiveEvent | Watermark>());
      // The watermark is applied (lastSeq moved on), so its shares must be stored before anything else of the
      // partition is acknowledged: retry in place; the Msg-Id drops the copies that did get stored.
      for (let attempt = 0; shares.length > 0; attempt++) {
        try {
          await Promise.all(shares.map((s) => this.js.publish(this.o.names.partialSubject(s.index), JSON.stringify(s), { msgID: `${s.index}:${s.timeMs}:${s.partition}` })));
          break;
        } catch (e) {
          this.storeRetries++;
          this.o.onError?.(e as Error);
          if (this.killed) return;
          await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
          if (this.killed) return;
        }
      }
      if (this.killed) return;
      m.ack();
      this.o.onApplied?.(p.partition, m.seq);
    }
  }

  /** Simulates a crash: the connection is dropped at once, unacknowledged messages stay with the server. */
  async kill(): Promise<void> {
    this.killed = true;
    await this.nc.close();
    await Promise.allSettled(this.loops);
  }

  /** Stops cleanly after the messages in hand. */
  async stop(): Promise<void> {
    this.killed = true;
    for (const it of this.iters) it.stop();
    await this.nc.drain().catch(() => undefined);
    await Promise.allSettled(this.loops);
  }
}
