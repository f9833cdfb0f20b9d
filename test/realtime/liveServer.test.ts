import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LiveHub, type LevelPublication } from '../../src/app/live/LiveHub.js';
import { asIndexCode, asSecurityId, asSessionDate } from '../../src/core/units.js';
import { ClientChannel, type SocketLike } from '../../src/server/live/ClientChannel.js';
import { startLiveServer } from '../../src/server/live/liveRoutes.js';
import { waitUntil } from './waitUntil.js';

const members = Array.from({ length: 60 }, (_, i) => ({
  symbol: asSecurityId(`${String(i).padStart(4, '0')}.HK`), price: 100 + i, changePct: 1.5, contributionPoints: 2.25,
  high: 101 + i, low: 99 + i, ticks: 1000, stale: false, halted: false,
}));
function pub(seq: number, facts: LevelPublication['facts'] = []): LevelPublication {
  return {
    type: 'level', index: asIndexCode('HSTECH'), sessionDate: asSessionDate('2025-02-07'), seq, timeMs: seq * 2000,
    time: new Date(seq * 2000).toISOString(), phase: 'open', final: false, level: 5000 + seq, previousLevel: 5000,
    changePoints: seq, changePct: seq / 50, high: 5000 + seq, low: 5000, ticks: {} as LevelPublication['ticks'], members, facts,
  };
}
const fact = (k: string): LevelPublication['facts'][number] => ({ key: k, index: asIndexCode('HSTECH'), symbol: null, timeMs: 0, fact: { type: 'as_much_as', basis: 'intraday' } });

describe('ClientChannel (slow-client policy)', () => {
  it('coalesces to the latest level while the socket is behind, keeps every fact, then drops a client that stays behind', () => {
    const sent: string[] = [];
    const sock: SocketLike & { bufferedAmount: number } = { bufferedAmount: 0, readyState: 1, send: (d) => sent.push(String(d)), terminate: () => {} };
    const ch = new ClientChannel(sock, { coalesceAboveBytes: 100, dropAboveBytes: 1000, maxCoalescedInARow: 3 });
    ch.deliver(pub(1), 'p1');
    sock.bufferedAmount = 500; // behind: coalesce
    const p2 = pub(2, [fact('a')]), p3 = pub(3, [fact('b')]);
    ch.deliver(p2, 'p2');
    ch.deliver(p3, 'p3');
    expect(sent).toEqual(['p1']);
    sock.bufferedAmount = 0; // drained
    ch.flush();
    // the facts of the coalesced p2 first, then the latest publication p3 (which carries its own fact b)
    expect(sent.slice(1)).toEqual([JSON.stringify({ type: 'facts', index: 'HSTECH', facts: [fact('a')] }), 'p3']);
    sock.bufferedAmount = 500;
    expect(ch.sent).toBe(2); // publications sent: p1, p3 (the facts message is not one)
    for (let s = 4; s <= 7; s++) ch.deliver(pub(s), `p${s}`); // 4 in a row > 3
    expect(ch.dropped).toBe(true);
  });
});

describe('LiveHub', () => {
  it('forgets an index once its last subscriber leaves (client-chosen names cannot pile up)', () => {
    const hub = new LiveHub();
    const byIndex = Reflect.get(hub, 'byIndex') as Map<string, unknown>;
    const offs = Array.from({ length: 1000 }, (_, i) => hub.subscribe(`NO-SUCH-INDEX-${i}`, () => {}));
    const keep = hub.subscribe('HSTECH', () => {});
    const again = hub.subscribe('HSTECH', () => {});
    expect(byIndex.size).toBe(1001);
    offs.forEach((off) => off());
    again();
    expect([...byIndex.keys()]).toEqual(['HSTECH']); // one subscriber left on HSTECH
    let got = 0;
    hub.subscribe('HSTECH', () => got++);
    hub.publish(pub(1));
    expect(got).toBe(1);
    keep();
  });
});

describe('live WebSocket subscriptions', () => {
  const hub = new LiveHub();
  const servers: { close(): Promise<void> }[] = [];
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it('serves levels to a reading client while a client that never reads is coalesced and dropped', async () => {
    const srv = await startLiveServer({ hub, limits: { coalesceAboveBytes: 256 << 10, dropAboveBytes: 4 << 20, maxCoalescedInARow: 200 } });
    servers.push(srv);
    const open = (onMsg: (m: { type: string; seq?: number }) => void) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(srv.wsUrl);
        ws.on('message', (d) => {
          const m = JSON.parse(d.toString()) as { type: string; seq?: number };
          if (m.type === 'subscribed') resolve(ws);
          onMsg(m);
        });
        ws.on('open', () => ws.send(JSON.stringify({ op: 'subscribe', indexes: ['HSTECH'] })));
        ws.on('error', reject);
      });
    const fastSeqs: number[] = [];
    const fast = await open((m) => m.type === 'level' && fastSeqs.push(m.seq!));
    const slow = await open(() => {});
    slow.pause(); // never reads again: the kernel buffers fill, then the server's
    const N = 3000; // × ~9 KB each = ~27 MB, more than loopback socket buffers hold
    for (let s = 1; s <= N; s++) {
      hub.publish(pub(s));
      await new Promise((r) => setImmediate(r));
    }
    expect(hub.latest('HSTECH')!.pub.seq).toBe(N); // every publication went out: nobody held the publisher
    await waitUntil(() => fastSeqs.at(-1) === N || srv.stats.dropped > 1, 'the reading client to get the last level', { stepMs: 25 });
    expect(fastSeqs.at(-1)).toBe(N);
    for (let i = 1; i < fastSeqs.length; i++) expect(fastSeqs[i]!).toBeGreaterThan(fastSeqs[i - 1]!);
    expect(srv.stats.coalesced).toBeGreaterThan(0);
    expect(srv.stats.dropped).toBe(1); // the slow one only
    const latest = await fetch(`${srv.url}/live/levels/HSTECH`);
    expect(((await latest.json()) as { seq: number }).seq).toBe(N);
    fast.close();
    slow.terminate();
  });

  it('answers a bad message with an error and keeps the connection', async () => {
    const srv = await startLiveServer({ hub });
    servers.push(srv);
    const ws = new WebSocket(srv.wsUrl);
    const msgs: { type: string; message?: string }[] = [];
    await new Promise<void>((resolve) => {
      ws.on('open', () => ws.send('{"op":"subscribe","indexes":"HSTECH"}'));
      ws.on('message', (d) => {
        msgs.push(JSON.parse(d.toString()));
        if (msgs.length === 1) ws.send('{"op":"subscribe","indexes":["HSTECH"]}');
        if (msgs.length === 3) resolve();
      });
    });
    expect(msgs[0]).toEqual({ type: 'error', message: 'field "indexes": expected an array of index codes' });
    expect(msgs[1]).toEqual({ type: 'subscribed', indexes: ['HSTECH'] });
    expect(msgs[2]).toMatchObject({ type: 'level', seq: 3000 }); // the latest, at once
    ws.close();
  });
});
