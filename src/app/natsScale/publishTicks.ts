import type { JetStreamClient, PubAck } from 'nats';
import { partitionOf } from '../../realtime/partitionState.js';
import type { LiveEvent } from '../../realtime/LiveIndexSession.js';
import type { PublicationSchedule } from '../../realtime/PublicationSchedule.js';
import type { NatsNames } from './natsNames.js';

/** A watermark: every tick of the partition before `timeMs` has been published; workers publish their shares. */
export interface Watermark {
  readonly type: 'watermark';
  readonly timeMs: number;
  readonly phase: 'open' | 'lunch' | 'close';
}

/**
 * The tick gateway: publishes events to the partition of their symbol and, at each publication time of the
 * schedule, a watermark to every partition (in event-time order, so the levels do not depend on timing).
 * Each message carries a `Nats-Msg-Id` (`p<k>-<n>`), so a gateway that retries doubles nothing.
 * @returns messages published per partition.
 */
export async function publishTicks(
  js: JetStreamClient,
  names: NatsNames,
  partitions: number,
  events: Iterable<LiveEvent>,
  schedule: PublicationSchedule,
): Promise<number[]> {
  const counts = new Array<number>(partitions).fill(0);
  let inFlight: Promise<PubAck>[] = [];
  const send = async (k: number, body: LiveEvent | Watermark) => {
    const n = ++counts[k]!;
    inFlight.push(js.publish(names.tickSubject(k), JSON.stringify(body), { msgID: `p${k}-${n}` }));
    if (inFlight.length >= 256) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  };
  // Per partition, messages must be stored in order: a batch is awaited before a partition sees its next one
  // only at the batch boundary, and js.publish on one connection keeps order per subject.
  const watermarks = async (upTo: number) => {
    for (const slot of schedule.due(upTo)) {
      for (let k = 0; k < partitions; k++) await send(k, { type: 'watermark', timeMs: slot.timeMs, phase: slot.phase });
    }
  };
  for (const ev of events) {
    await watermarks(ev.timeMs);
    await send(partitionOf(ev.symbol, partitions), ev);
  }
  await watermarks(Infinity);
  await Promise.all(inFlight);
  return counts;
}
