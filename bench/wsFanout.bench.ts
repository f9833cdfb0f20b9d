/**
 * WebSocket fan-out: 1,000 loopback clients subscribed to HSTECH, a 30-member publication every 2 s
 * (a warm-up round, then BENCH_ROUNDS rounds, default 5; stops by itself). Figures: time inside publish() (the calculator's thread
 * is held only this long), and delivery latency from publish to each client's receipt (p50/p99 over all
 * client receipts). Baseline in the same process: a plain `ws` server that serializes the publication once
 * per client (the naive fan-out). Clients run in this process too, so latency includes their parsing.
 */
import { WebSocketServer, WebSocket } from 'ws';
import { LiveHub, type LevelPublication } from '../src/app/live/LiveHub.js';
import { asIndexCode, asSecurityId, asSessionDate } from '../src/core/units.js';
import { startLiveServer } from '../src/server/live/liveRoutes.js';
import { report } from './harness.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const EVERY_MS = 2000;

const members = Array.from({ length: 30 }, (_, i) => ({
  symbol: asSecurityId(`${String(i).padStart(4, '0')}.HK`), price: 100 + i, changePct: 1.23456789, contributionPoints: 4.5678901,
  high: 101 + i, low: 99 + i, ticks: 1234, stale: false, halted: false,
}));
const pub = (seq: number): LevelPublication => ({
  type: 'level', index: asIndexCode('HSTECH'), sessionDate: asSessionDate('2025-02-07'), seq, timeMs: seq * EVERY_MS,
  time: new Date(seq * EVERY_MS).toISOString(), phase: 'open', final: false, level: 5100 + seq, previousLevel: 5059.38,
  changePoints: 40.62 + seq, changePct: 0.8, high: 5150, low: 5040, ticks: {} as LevelPublication['ticks'], members, facts: [],
});

async function connectAll(url: string, onLevel: (seq: number) => void): Promise<WebSocket[]> {
  const out: WebSocket[] = [];
  for (let i = 0; i < CLIENTS; i += 100) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(100, CLIENTS - i) }, () => new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.on('open', () => ws.send(JSON.stringify({ op: 'subscribe', indexes: ['HSTECH'] })));
      ws.on('message', (d) => {
        const m = JSON.parse(d.toString()) as { type: string; seq?: number };
        if (m.type === 'subscribed') resolve(ws);
        else if (m.type === 'level') onLevel(m.seq as number);
      });
      ws.on('error', reject);
    })))));
  }
  return out;
}

async function rounds(publish: (p: LevelPublication) => void, received: Map<number, number[]>, sentAt: Map<number, bigint>) {
  const publishNs: number[] = [];
  for (let r = 0; r <= ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    if (r > 0) sentAt.set(r, t0); // round 0 warms up (JIT) and is not counted
    publish(pub(r));
    if (r > 0) publishNs.push(Number(process.hrtime.bigint() - t0));
    await new Promise((res) => setTimeout(res, EVERY_MS));
  }
  const lat = [...received.values()].flat().sort((a, b) => a - b);
  const q = (x: number) => lat[Math.min(lat.length - 1, Math.floor(x * lat.length))] ?? NaN;
  return { publishMs: publishNs.reduce((a, b) => a + b, 0) / publishNs.length / 1e6, p50: q(0.5), p99: q(0.99), got: lat.length };
}

function tracker() {
  const received = new Map<number, number[]>();
  const sentAt = new Map<number, bigint>();
  const onLevel = (seq: number) => {
    const t = sentAt.get(seq);
    if (t === undefined) return;
    const list = received.get(seq) ?? [];
    list.push(Number(process.hrtime.bigint() - t) / 1e6);
    received.set(seq, list);
  };
  return { received, sentAt, onLevel };
}

// Baseline: plain ws server, JSON.stringify per client.
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise((r) => wss.once('listening', r));
wss.on('connection', (s) => s.on('message', () => s.send(JSON.stringify({ type: 'subscribed', indexes: ['HSTECH'] }))));
const tb = tracker();
const naiveClients = await connectAll(`ws://127.0.0.1:${(wss.address() as { port: number }).port}`, tb.onLevel);
const naive = await rounds((p) => {
  for (const c of wss.clients) c.send(JSON.stringify(p));
}, tb.received, tb.sentAt);
naiveClients.forEach((c) => c.terminate());
await new Promise((r) => wss.close(r));

// Indexwire: the live plugin over the hub (serialize once, per-client coalescing channel).
const hub = new LiveHub();
const srv = await startLiveServer({ hub });
const tf = tracker();
const clients = await connectAll(srv.wsUrl, tf.onLevel);
const fast = await rounds((p) => hub.publish(p), tf.received, tf.sentAt);
clients.forEach((c) => c.terminate());
await srv.close();

report(`ws fan-out ${CLIENTS} clients: time inside publish()`, fast.publishMs, 'ms', naive.publishMs, false);
report(`ws fan-out ${CLIENTS} clients: delivery p50`, fast.p50, 'ms', naive.p50, false);
report(`ws fan-out ${CLIENTS} clients: delivery p99`, fast.p99, 'ms', naive.p99, false);
process.stdout.write(`ws fan-out: ${fast.got}/${CLIENTS * ROUNDS} messages delivered (baseline ${naive.got}); dropped ${srv.stats.dropped}, coalesced ${srv.stats.coalesced}\n`);
process.exit(0);
