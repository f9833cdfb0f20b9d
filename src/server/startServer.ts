import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from './buildServer.js';

export interface StartedServer {
  readonly app: FastifyInstance;
  /** e.g. `http://127.0.0.1:8080` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Builds and starts the server on `host:port` (port 0 picks a free port).
 * @throws Error when the port is taken or the dashboard does not build.
 */
export async function startServer(opts: ServerOptions & { readonly host: string; readonly port: number }): Promise<StartedServer> {
  const app = await buildServer(opts);
  await app.listen({ host: opts.host, port: opts.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : opts.port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return { app, url: `http://${host}:${port}`, close: () => app.close() };
}
