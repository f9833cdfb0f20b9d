import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/securityHeaders.js';
import { startServer, type StartedServer } from '../../src/server/startServer.js';
import { createFakeDesk } from './fakeDesk.js';

let server: StartedServer;
beforeAll(async () => {
  server = await startServer({
    desk: createFakeDesk(),
    host: '127.0.0.1',
    port: 0,
    adminTokens: ['loopback-admin-token-1'],
    rateLimit: { capacity: 5, refillPerSec: 0.001 },
  });
});
afterAll(async () => server?.close());

describe('server on loopback', () => {
  it('serves the dashboard page, its bundled script and stylesheet under the CSP', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/assets/dashboard.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/); // no inline script
    const js = await fetch(`${server.url}/assets/dashboard.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await js.text()).length).toBeGreaterThan(50_000); // lightweight-charts is bundled in
    expect((await fetch(`${server.url}/dashboard.css`)).status).toBe(200);
  });

  it('limits each client IP with the token bucket over real sockets (5 burst, no refill to speak of)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await fetch(`${server.url}/api/health`)).status);
    // the dashboard test above used no /api requests, so the bucket starts full: 5 allowed, the 6th limited
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await fetch(`${server.url}/api/indexes/DEMO/latest`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
