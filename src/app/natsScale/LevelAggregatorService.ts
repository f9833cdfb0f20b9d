import { connect, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';
import { LevelAggregator, type AggregatedLevel, type PartialLevel } from '../../realtime/LevelAggregator.js';
import type { LiveIndexState } from '../../realtime/liveIndexState.js';
import type { LiveLevelStore } from '../../store/levels/LiveLevelStore.js';
import { partitionOf } from '../../realtime/partitionState.js';
import type { NatsNames } from './natsNames.js';

/**
 * Assembles levels from the partitions' shares (durable consumer on `partials.*`), stores each in the level
 * store when one is given (PostgreSQL: every API server on the database then answers the latest level) and
 * publishes it on `levels.<index>` with Nats-Msg-Id `<index>:<timeMs>`. Shares are acknowledged only once their
 * level is stored in both, so a restarted aggregator gets the incomplete ones again (both writes are idempotent:
 * the store is keyed by (index, timeMs), JetStream drops a repeated Msg-Id).
 */
export class LevelAggregatorService {
  private iter: ConsumerMessages | null = null;
  private loop: Promise<void> = Promise.resolve();
  private stopped = false;

  private constructor(private readonly nc: NatsConnection) {}

  static async start(o: {
    servers: string;
    names: NatsNames;
    partitions: number;
    states: readonly LiveIndexState[];
    onLevel?: (l: AggregatedLevel) => void;
    /** Where levels are persisted before their shares are acknowledged (PostgreSQL for a shared desk). */
    levels?: LiveLevelStore;
    /** A failed store of a level (retried: 50 ms doubling up to 2 s, until it succeeds or the service stops). */
    onError?: (e: Error) => void;
  }): Promise<LevelAggregatorService> {
    const nc = await connect({ servers: o.servers });
    const svc = new LevelAggregatorService(nc);
    const js = nc.jetstream();
    const parts = new Map<string, number[]>();
    for (const s of o.states) parts.set(s.code, [...new Set(s.members.map((m) => partitionOf(m.symbol, o.partitions)))].sort((a, b) => a - b));
    const agg = new LevelAggregator(parts);
    const held = new Map<string, JsMsg[]>();
    const c = await js.consumers.get(o.names.partialStream, o.names.aggregatorDurable);
    const iter = (svc.iter = await c.consume({ max_messages: 1000 }));
    svc.loop = (async () => {
      for await (const m of iter) {
        const p = m.json<PartialLevel>();
        const key = `${p.index}@${p.timeMs}`;
        const level = agg.add(p);
        if (level === null) {
          if (agg.completed(p.index, p.timeMs)) {
            m.ack();
            continue;
          }
          const list = held.get(key);
          if (list) list.push(m);
          else if (parts.get(p.index)?.includes(p.partition)) held.set(key, [m]);
          else m.ack();
          continue;
        }
        // The level is assembled (its shares are marked done), so it must be stored before anything is acked:
        // retry in place; the store's key and the Msg-Id drop a copy that did get stored.
        for (let attempt = 0; ; attempt++) {
          try {
            await o.levels?.putLiveLevels([level]);
            await js.publish(o.names.levelSubject(level.index), JSON.stringify(level), { msgID: `${level.index}:${level.timeMs}` });
            break;
          } catch (e) {
            o.onError?.(e as Error);
            if (svc.stopped) return;
            await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
            if (svc.stopped) return;
          }
        }
        o.onLevel?.(level);
        for (const h of held.get(key) ?? []) h.ack();
        held.delete(key);
        m.ack();
      }
    })();
    return svc;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.iter?.stop();
    await this.nc.drain().catch(() => undefined);
    await this.loop.catch(() => undefined);
  }
}
