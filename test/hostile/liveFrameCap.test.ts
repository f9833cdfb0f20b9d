import Fastify from 'fastify';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { LIVE_MAX_FRAME_BYTES } from '../../src/server/live/liveLimits.js';
import { registerLiveRoutes } from '../../src/server/live/liveRoutes.js';

describe('/live caps incoming frames (issue 15)', () => {
  it(`closes with 1009 on a frame over ${LIVE_MAX_FRAME_BYTES} bytes; a subscribe frame is far below it`, async () => {
    const app = Fastify();
    const hub = { subscribe: () => () => {}, snapshot: () => null, indexes: () => [] } as never;
    await registerLiveRoutes(app, { hub } as never);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (app.server.address() as { port: number }).port;
      const ws = new WebSocket(`ws://127.0.0.1:${port}/live`);
      await new Promise((r, j) => { ws.once('open', r); ws.once('error', j); });
      const code = await new Promise<number>((resolve) => {
        ws.once('close', (c) => resolve(c));
        ws.send('x'.repeat(LIVE_MAX_FRAME_BYTES + 1));
      });
      expect(code).toBe(1009);
    } finally {
      await app.close();
    }
  });
});
