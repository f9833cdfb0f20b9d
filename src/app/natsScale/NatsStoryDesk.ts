import { connect, type ConsumerMessages, type NatsConnection, type PubAck } from 'nats';
import type { LiveEvent } from '../../realtime/LiveIndexSession.js';
import { LiveIndexSession } from '../../realtime/LiveIndexSession.js';
import { byEventOrder } from '../../realtime/eventOrder.js';
import { liveFactsOptions } from '../live/analyticsLiveFacts.js';
import { LiveDesk } from '../live/LiveDesk.js';
import { LiveHub, type StoryMessage } from '../live/LiveHub.js';
import type { LiveSetup } from '../live/loadLiveSetup.js';
import { startLiveStories, type LiveStoriesOptions } from '../live/startLiveStories.js';
import type { NatsNames } from './natsNames.js';
import type { Watermark } from './publishTicks.js';

export interface NatsStoryDeskOptions {
  readonly servers: string;
  readonly names: NatsNames;
  readonly partitions: number;
  readonly setup: LiveSetup;
  readonly everyMs: number;
  /** The desk's folder, news and site, as `replay --stories` (its versions are also published on `stories.<index>`). */
  readonly stories: Omit<LiveStoriesOptions, 'hub'>;
  /** A failed publication of a version on JetStream (it is retried: 50 ms doubling to 2 s, up to 8 attempts). */
  readonly onError?: (e: Error) => void;
}

/**
 * The live story desk on the scale-out path: one more consumer of the tick partitions (an ordered consumer per
 * partition, from the start). Each partition's messages are cut at its watermarks; when every partition has
 * reached watermark T, the segment's events of all partitions, in event order (time, symbol, seq: the order a
 * replay applies them in), go through the same LiveDesk, LiveIndexSession and LiveStoryDesk as the in-process
 * path, and the desk is advanced to T. So the versions are the in-process path's, byte for byte, for a feed in
 * event order. Each version is written to the stories folder and published on JetStream `stories.<index>`
 * (Msg-Id `<slug>:v<version>`: a re-publication is dropped). The workers' shares are not used: they carry no
 * member prices or contributions yet (docs/realtime.md, "Left to do").
 */
export class NatsStoryDesk {
  private readonly iters: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];
  private readonly published: Promise<unknown>[] = [];
  private stopped = false;
  /** Every version, in order (as the in-process path's `desk.versions`). */
  versions: readonly StoryMessage[] = [];
  /** Versions that failed the checker (nothing written), and failed publications. */
  readonly issues: string[] = [];
  /** Resolves when the close is processed, the last versions written and published. */
  readonly done: Promise<void>;
  private resolveDone: () => void = () => {};
  private rejectDone: (e: Error) => void = () => {};

  private constructor(private readonly nc: NatsConnection) {
    this.done = new Promise<void>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
  }

  static async start(o: NatsStoryDeskOptions): Promise<NatsStoryDesk> {
    const nc = await connect({ servers: o.servers });
    const d = new NatsStoryDesk(nc);
    const js = nc.jetstream();
    const hub = new LiveHub();
    const session = new LiveIndexSession(o.setup.state, { intervals: o.setup.intervalsWithAuction, publishEveryMs: o.everyMs, ...liveFactsOptions(o.setup, true) });
    const stories = await startLiveStories(o.setup, { ...o.stories, hub, onIssue: (line) => {
      d.issues.push(line);
      o.stories.onIssue?.(line);
    } });
    const desk = new LiveDesk([session], hub, stories.taps);
    stories.attach();
    hub.subscribeAllStories((msg, json) => {
      d.published.push(d.publish(js, o.names.storySubject(msg.index), json, `${msg.slug}:v${msg.version}`, o.onError));
    });
    // Per partition: the events since its last watermark, and the segments cut at watermarks, not yet applied.
    const open: LiveEvent[][] = Array.from({ length: o.partitions }, () => []);
    const segments: { mark: Watermark; events: LiveEvent[] }[][] = Array.from({ length: o.partitions }, () => []);
    const drain = async (): Promise<void> => {
      while (segments.every((q) => q.length > 0)) {
        const heads = segments.map((q) => q.shift() as { mark: Watermark; events: LiveEvent[] });
        const t = heads[0]!.mark.timeMs;
        if (heads.some((h) => h.mark.timeMs !== t)) throw new Error(`partitions disagree on the watermark: ${heads.map((h) => h.mark.timeMs).join(', ')}`);
        const events = heads.flatMap((h) => h.events).sort(byEventOrder);
        for (const ev of events) desk.onEvent(ev);
        desk.advanceTo(t);
        if (desk.closed()) {
          await stories.desk.idle();
          await Promise.all(d.published);
          d.versions = stories.desk.versions;
          d.resolveDone();
          return;
        }
      }
    };
    let chain = Promise.resolve();
    for (let k = 0; k < o.partitions; k++) {
      const c = await js.consumers.get(o.names.tickStream(k), { opt_start_seq: 1 });
      const iter = await c.consume({ max_messages: 1000 });
      d.iters.push(iter);
      d.loops.push((async () => {
        for await (const m of iter) {
          if (d.stopped) return;
          const msg = m.json<LiveEvent | Watermark>();
          if (msg.type === 'watermark') {
            segments[k]!.push({ mark: msg, events: open[k]! });
            open[k] = [];
            chain = chain.then(drain).catch((e: Error) => d.rejectDone(e));
          } else open[k]!.push(msg);
        }
      })());
    }
    return d;
  }

  private async publish(js: ReturnType<NatsConnection['jetstream']>, subject: string, json: string, msgID: string, onError?: (e: Error) => void): Promise<PubAck | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await js.publish(subject, json, { msgID });
      } catch (e) {
        onError?.(e as Error);
        if (attempt >= 7 || this.stopped) {
          this.issues.push(`story ${msgID} not published on ${subject}: ${(e as Error).message}`);
          return null;
        }
        await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const it of this.iters) it.stop();
    await this.nc.drain().catch(() => undefined);
    await Promise.allSettled(this.loops);
  }
}
