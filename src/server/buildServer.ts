import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { systemClock, type Clock } from '../core/clock.js';
import { dashboardWebFont } from '../app/desk/dashboardWebFont.js';
import type { DeskService } from '../app/desk/deskService.js';
import { apiRoutes } from './apiRoutes.js';
import { buildDashboardBundle, DASHBOARD_DIR } from './dashboardBundle.js';
import { onClientError, onFrameworkError } from './earlyErrorResponse.js';
import { errorResponse, HttpError } from './errorResponse.js';
import { SECURITY_HEADERS } from './securityHeaders.js';
import { LIVE_MAX_FRAME_BYTES } from './live/liveLimits.js';
import { ServerStats } from './serverStats.js';
import { TokenBucket, type TokenBucketOptions } from './tokenBucket.js';

export interface ServerOptions {
  readonly desk: DeskService;
  /** Bearer tokens for admin/write endpoints (from config/env at the app layer). Empty: admin disabled. */
  readonly adminTokens?: readonly string[];
  /** Per-IP token bucket on `/api/*`; `false` turns it off. Default 100 burst, 50 requests/s sustained. */
  readonly rateLimit?: TokenBucketOptions | false;
  /** Serve the dashboard at `/` (bundles the client with esbuild). Default true. */
  readonly dashboard?: boolean;
  /** A fastify plugin for live updates (the realtime engineer's `src/server/live`), registered after @fastify/websocket. */
  readonly live?: FastifyPluginAsync;
  /** A static site built by `site build` (stories and news posts), served under `/site/`. */
  readonly siteDir?: string;
  readonly clock?: Clock;
  /** fastify's pino logger (`true`, or `{level: 'error'}` to log only failed requests); default off. */
  readonly logger?: boolean | { readonly level: 'error' | 'warn' | 'info' | 'debug' };
}

export const DEFAULT_RATE_LIMIT: TokenBucketOptions = { capacity: 100, refillPerSec: 50 };

/**
 * Builds the Indexwire HTTP server (not listening: call `listen`, or `inject()` in tests).
 * One error mapper for every route; security headers (strict CSP) on every response, early errors included
 * (earlyErrorResponse.ts).
 */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: typeof opts.logger === 'object' ? { level: opts.logger.level } : (opts.logger ?? false),
    trustProxy: false,
    // answers given before any hook runs (431, a malformed request, an undecodable path) carry the security headers too
    clientErrorHandler: onClientError,
    frameworkErrors: onFrameworkError,
  });
  const stats = new ServerStats(clock);
  const limiter = opts.rateLimit === false ? null : new TokenBucket(opts.rateLimit ?? DEFAULT_RATE_LIMIT, clock);

  // Synchronous hook (no promise per request): security headers, then the per-IP bucket on /api.
  app.addHook('onRequest', (req, reply, done) => {
    stats.requests++;
    reply.headers(SECURITY_HEADERS);
    // The decoded path or the routed pattern: fastify routes "/%61pi/news" to /api/news, which must not skip the
    // bucket, and an unknown /api/ path goes to the dashboard's static wildcard route.
    if (limiter !== null && (isApiPath(req.url) || (req.routeOptions.url ?? '').startsWith('/api/'))) {
      const r = limiter.take(req.ip);
      if (!r.allowed) {
        stats.rateLimited++;
        done(new HttpError(429, 'rate_limited', `too many requests: retry in ${r.retryAfterSec} s`, { 'retry-after': String(r.retryAfterSec) }));
        return;
      }
    }
    done();
  });

  app.setErrorHandler(async (err, req, reply) => {
    const r = errorResponse(err);
    if (r.statusCode >= 500) {
      stats.errors5xx++;
      req.log.error({ err }, 'request failed');
    }
    if (err instanceof HttpError) reply.headers(err.headers);
    return reply.code(r.statusCode).type('application/json; charset=utf-8').send(r.body);
  });
  app.setNotFoundHandler(async (req, reply) => {
    const r = errorResponse(new HttpError(404, 'not_found', `no route ${req.method} ${req.url.split('?')[0] ?? ''}`));
    return reply.code(404).type('application/json; charset=utf-8').send(r.body);
  });

  await app.register(apiRoutes, { desk: opts.desk, adminTokens: opts.adminTokens ?? [], stats });

  if (opts.dashboard !== false) {
    const bundle = await buildDashboardBundle();
    // The self-hosted Noto Sans HK subset for readers without a CJK font: the characters of the dashboard's
    // Chinese words, the Chinese security names and the Chinese stories (rebuilt when those change).
    app.get('/fonts/indexwire-noto-sans-hk.woff', async (_req, reply) => {
      const woff = await dashboardWebFont(opts.desk);
      return reply.type('font/woff').header('cache-control', 'no-cache').send(Buffer.from(woff));
    });
    app.get('/assets/dashboard.js', async (_req, reply) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(bundle.js),
    );
    await app.register(fastifyStatic, { root: resolve(DASHBOARD_DIR, 'public'), prefix: '/', index: ['index.html'] });
  }

  if (opts.siteDir !== undefined) {
    // the site's own pages carry their CSP; the server's security headers apply as on every response
    await app.register(fastifyStatic, { root: resolve(opts.siteDir), prefix: '/site/', index: ['index.html'], decorateReply: opts.dashboard === false });
  }

  if (opts.live !== undefined) {
    const live = opts.live;
    await app.register(async (scope) => {
      await scope.register((await import('@fastify/websocket')).default, { options: { maxPayload: LIVE_MAX_FRAME_BYTES } });
      await scope.register(live);
    });
  }
  return app;
}

/** True when the request path, percent-decoded, is under /api/. */
function isApiPath(url: string): boolean {
  if (url.startsWith('/api/')) return true;
  if (!url.includes('%')) return false;
  try {
    return decodeURIComponent(url.split('?')[0] ?? '').startsWith('/api/');
  } catch {
    return false; // malformed escapes: fastify answers 400 itself
  }
}
