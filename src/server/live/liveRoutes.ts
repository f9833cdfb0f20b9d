import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { LiveHub } from '../../app/live/LiveHub.js';
import { LIVE_MAX_FRAME_BYTES } from './liveLimits.js';
import { ClientChannel, type ChannelLimits, type SocketLike } from './ClientChannel.js';

export interface LiveRoutesOptions {
  readonly hub: LiveHub;
  readonly limits?: ChannelLimits;
  /** WebSocket path (default `/live`). */
  readonly path?: string;
  /** How often coalesced updates are retried once a socket drains (ms, default 250). */
  readonly flushEveryMs?: number;
}

/** Indexes one connection may subscribe to. */
export const MAX_SUBSCRIPTIONS = 1000;

/** Counters of the live WebSocket face (for /health-style reports and the fan-out bench). */
export class LiveServerStats {
  clients = 0;
  connections = 0;
  dropped = 0;
  coalesced = 0;
  badMessages = 0;
}

/**
 * The live WebSocket routes as a fastify plugin (needs @fastify/websocket registered first; the main server
 * does that). Protocol on `GET /live` (WebSocket):
 * - client → server: `{"op":"subscribe","indexes":["HSTECH"]}`, `{"op":"unsubscribe","indexes":[...]}`;
 * - server → client: `{"type":"subscribed","indexes":[...]}`, then the latest publication of each index at once,
 *   then every LevelPublication (`type: "level"`: level, members' contributions, facts); `{"type":"facts",...}`
 *   carries facts of publications coalesced for a slow client; `{"type":"story",...}` each version the live story
 *   desk writes about the index (StoryMessage, never coalesced; the latest at once on subscribing);
 *   `{"type":"error","message":...}` on a bad message.
 * Also `GET /live/levels/:index`: the latest publication as JSON (404 before the first).
 */
export function liveRoutesPlugin(opts: LiveRoutesOptions, stats = new LiveServerStats()): FastifyPluginAsync {
  return async (app) => {
    const path = opts.path ?? '/live';
    const channels = new Set<ClientChannel>();
    // One UTF-8 encoding per publication for every client (not one per client).
    let lastJson = '';
    let lastBytes = Buffer.alloc(0);
    const bytesOf = (json: string): Buffer => {
      if (json !== lastJson) {
        lastJson = json;
        lastBytes = Buffer.from(json, 'utf8');
      }
      return lastBytes;
    };
    const timer = setInterval(() => {
      for (const c of channels) if (c.hasPending()) c.flush();
    }, opts.flushEveryMs ?? 250);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));

    app.get<{ Params: { index: string } }>(`${path}/levels/:index`, async (req, reply) => {
      const latest = opts.hub.latest(req.params.index);
      if (!latest) return reply.code(404).send({ error: { code: 'not_found', message: `no live level for ${req.params.index} yet` } });
      return reply.type('application/json; charset=utf-8').send(latest.json);
    });

    app.get(path, { websocket: true }, (socket) => {
      stats.clients++;
      stats.connections++;
      const subs = new Map<string, () => void>();
      const sock: SocketLike = {
        get bufferedAmount() {
          return socket.bufferedAmount;
        },
        get readyState() {
          return socket.readyState;
        },
        send: (d, o) => (o ? socket.send(d, o) : socket.send(d)),
        terminate: () => socket.terminate(),
      };
      const channel = new ClientChannel(sock, opts.limits, () => {
        stats.dropped++;
      });
      channels.add(channel);
      const error = (message: string) => {
        stats.badMessages++;
        socket.send(JSON.stringify({ type: 'error', message }));
      };
      socket.on('message', (data: Buffer, isBinary: boolean) => {
        if (isBinary) return error('send JSON text messages');
        let msg: { op?: unknown; indexes?: unknown };
        try {
          msg = JSON.parse(data.toString()) as typeof msg;
        } catch {
          return error('not JSON: expected {"op":"subscribe","indexes":["HSTECH"]}');
        }
        const ixs = msg.indexes;
        if (!Array.isArray(ixs) || ixs.some((x) => typeof x !== 'string') || ixs.length > 1000) {
          return error('field "indexes": expected an array of index codes');
        }
        if (msg.op === 'subscribe') {
          const fresh = (ixs as string[]).filter((ix) => !subs.has(ix));
          if (subs.size + fresh.length > MAX_SUBSCRIPTIONS) return error(`at most ${MAX_SUBSCRIPTIONS} indexes per connection`);
          for (const ix of ixs as string[]) {
            if (subs.has(ix)) continue;
            const unLevels = opts.hub.subscribe(ix, (pub, json) => {
              const before = channel.coalesced;
              channel.deliver(pub, bytesOf(json));
              stats.coalesced += channel.coalesced - before;
            });
            const unStories = opts.hub.subscribeStories(ix, (_msg, json) => channel.sendNow(json));
            subs.set(ix, () => {
              unLevels();
              unStories();
            });
          }
          socket.send(JSON.stringify({ type: 'subscribed', indexes: [...subs.keys()] }));
          for (const ix of ixs as string[]) {
            const latest = opts.hub.latest(ix);
            if (latest) channel.deliver(latest.pub, latest.json);
            const story = opts.hub.latestStory(ix);
            if (story) channel.sendNow(story.json);
          }
        } else if (msg.op === 'unsubscribe') {
          for (const ix of ixs as string[]) {
            subs.get(ix)?.();
            subs.delete(ix);
          }
          socket.send(JSON.stringify({ type: 'subscribed', indexes: [...subs.keys()] }));
        } else error('field "op": expected subscribe or unsubscribe');
      });
      socket.on('close', () => {
        stats.clients--;
        for (const u of subs.values()) u();
        channels.delete(channel);
      });
    });
  };
}

/**
 * Adds the live routes to a fastify app, registering @fastify/websocket first when it is not there yet.
 * @returns the counters of the live face.
 */
export async function registerLiveRoutes(app: FastifyInstance, live: LiveRoutesOptions): Promise<LiveServerStats> {
  const stats = new LiveServerStats();
  await app.register(async (scope) => {
    if (!scope.hasDecorator('websocketServer')) await scope.register(websocket, { options: { maxPayload: LIVE_MAX_FRAME_BYTES } });
    await scope.register(liveRoutesPlugin(live, stats));
  });
  return stats;
}

/** A standalone live server (no API, no dashboard) on `host:port` (0 = a free port). */
export async function startLiveServer(o: LiveRoutesOptions & { readonly host?: string; readonly port?: number }): Promise<{
  url: string;
  wsUrl: string;
  stats: LiveServerStats;
  app: FastifyInstance;
  close(): Promise<void>;
}> {
  const app = Fastify({ logger: false });
  const stats = await registerLiveRoutes(app, o);
  const host = o.host ?? '127.0.0.1';
  await app.listen({ host, port: o.port ?? 0 });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : (o.port ?? 0);
  const url = `http://${host}:${port}`;
  return { url, wsUrl: `ws://${host}:${port}${o.path ?? '/live'}`, stats, app, close: () => app.close() };
}
