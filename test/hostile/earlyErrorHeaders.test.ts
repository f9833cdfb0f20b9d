import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/server/securityHeaders.js';
import { startServer, type StartedServer } from '../../src/server/startServer.js';
import { createFakeDesk } from '../server/fakeDesk.js';

/**
 * Issue 15: the answers the server gives before a request reaches a route (Node's parser refusing huge headers
 * or a malformed request line, the router refusing an undecodable path) carry the same security headers as every
 * other response. Raw bytes over a real loopback socket: `fetch` would refuse to send most of these requests.
 */
let server: StartedServer;
let port = 0;
beforeAll(async () => {
  server = await startServer({ desk: createFakeDesk(), host: '127.0.0.1', port: 0, dashboard: false, rateLimit: false });
  port = Number(new URL(server.url).port);
});
afterAll(async () => server?.close());

interface RawResponse { readonly status: number; readonly headers: Record<string, string>; readonly body: string }

/** Sends `request` as it is and reads until the server closes the socket (or 5 s pass). */
function raw(request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
    socket.on('data', (b) => {
      chunks.push(b);
      // a keep-alive answer (routed requests) leaves the socket open: stop once the whole body is here
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const len = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end));
      if (end >= 0 && len !== null && text.length >= end + 4 + Number(len[1])) socket.end();
    });
    socket.on('error', (e) => (chunks.length > 0 ? undefined : reject(e)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.write(request);
  });
}

function expectSecurityHeaders(r: RawResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(r.headers[name], `${name} on ${r.status}`).toBe(value);
}

describe('early server errors carry the security headers (issue 15)', () => {
  it('a routed 404 has them (the reference every early error is compared with)', async () => {
    const r = await raw('GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(r.status).toBe(404);
    expectSecurityHeaders(r);
  });

  it('431 for headers over 16 KiB (Node\'s limit): security headers, a JSON body in the API\'s error shape', async () => {
    const r = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(r.status).toBe(431);
    expectSecurityHeaders(r);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(r.body)).toEqual({ error: { status: 431, code: 'header_overflow', message: 'request headers too large' } });
  });

  it('400 for a malformed request line (a space inside the URL): security headers', async () => {
    const r = await raw('GET /api/he alth HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(r.status).toBe(400);
    expectSecurityHeaders(r);
    expect(JSON.parse(r.body)).toEqual({ error: { status: 400, code: 'bad_request', message: 'malformed HTTP request' } });
  });

  it('400 for a path parameter that is not valid percent-encoding (%E0%A4%A): security headers, the API error shape', async () => {
    const r = await raw('GET /api/symbols/%E0%A4%A/milestones HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(r.status).toBe(400);
    expectSecurityHeaders(r);
    const body = JSON.parse(r.body) as { error: { status: number; code: string } };
    expect(body.error.status).toBe(400);
    expect(body.error.code).toBe('fst_err_bad_url');
  });
});
