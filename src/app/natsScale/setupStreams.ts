import { AckPolicy, DeliverPolicy, nanos, StorageType, type JetStreamManager } from 'nats';
import type { NatsNames } from './natsNames.js';

export interface StreamSetup {
  readonly partitions: number;
  /** How long a delivered, unacknowledged message waits before redelivery (ms, default 10 000). */
  readonly ackWaitMs?: number;
  /** Window in which a repeated `Nats-Msg-Id` is dropped (ms, default 2 min). */
  readonly duplicateWindowMs?: number;
  readonly storage?: 'file' | 'memory';
}

/**
 * Creates (or updates) the scale-out streams and durable consumers: one tick stream per partition with a
 * durable pull consumer (explicit acks), the partials stream with the aggregator's durable consumer, and the
 * levels and story streams. Idempotent.
 */
export async function setupStreams(jsm: JetStreamManager, names: NatsNames, o: StreamSetup): Promise<void> {
  const storage = o.storage === 'memory' ? StorageType.Memory : StorageType.File;
  const dup = nanos(o.duplicateWindowMs ?? 120_000);
  const ackWait = nanos(o.ackWaitMs ?? 10_000);
  const stream = async (name: string, subjects: string[]) => {
    try {
      await jsm.streams.info(name);
    } catch {
      await jsm.streams.add({ name, subjects, storage, duplicate_window: dup });
    }
  };
  const consumer = async (streamName: string, durable: string) => {
    try {
      await jsm.consumers.info(streamName, durable);
    } catch {
      await jsm.consumers.add(streamName, {
        durable_name: durable, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, ack_wait: ackWait, max_ack_pending: 20_000,
      });
    }
  };
  for (let k = 0; k < o.partitions; k++) {
    await stream(names.tickStream(k), [names.tickSubject(k)]);
    await consumer(names.tickStream(k), names.tickDurable(k));
  }
  await stream(names.partialStream, [names.partialSubject('*')]);
  await consumer(names.partialStream, names.aggregatorDurable);
  await stream(names.levelStream, [names.levelSubject('*')]);
  await stream(names.storyStream, [names.storySubject('*')]);
}
