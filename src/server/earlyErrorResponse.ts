import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorResponse, type ErrorBody } from './errorResponse.js';
import { SECURITY_HEADERS } from './securityHeaders.js';

/**
 * The answer to a request Node's HTTP parser refused before fastify saw it (Node's `clientError`: headers over
 * 16 KiB, a malformed request line, a request that took too long), as the raw bytes to write on the socket: the
 * same security headers and the same JSON error shape as every routed response, then `Connection: close`.
 * `null` when nothing should be written (the peer reset the connection).
 *
 * @example earlyErrorResponse({ code: 'HPE_HEADER_OVERFLOW' }) // 'HTTP/1.1 431 Request Header Fields Too Large\r\n...'
 */
export function earlyErrorResponse(err: { readonly code?: string }): string | null {
  if (err.code === 'ECONNRESET') return null;
  const [status, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'header_overflow', 'request headers too large']
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request_timeout', 'the request took too long to arrive']
    : [400, 'bad_request', 'malformed HTTP request'];
  const body: ErrorBody = { error: { status, code, message } };
  const json = JSON.stringify(body);
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(json)),
    connection: 'close',
  };
  const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${head}\r\n${json}`;
}

/** fastify's `clientErrorHandler`: writes {@link earlyErrorResponse} and closes the socket. */
export function onClientError(err: Error & { code?: string }, socket: Socket): void {
  if (socket.destroyed) return;
  const response = earlyErrorResponse(err);
  if (response !== null && socket.writable) socket.end(response);
  else socket.destroy();
}

/**
 * fastify's `frameworkErrors`: the router's own refusals (a path that is not valid percent-encoding, a parameter
 * over the length limit) answered like any routed error, security headers included.
 */
export function onFrameworkError(err: Error, _req: FastifyRequest, reply: FastifyReply): void {
  const r = errorResponse(err);
  void reply.headers(SECURITY_HEADERS).code(r.statusCode).type('application/json; charset=utf-8').send(r.body);
}
