import type { FastifyInstance } from 'fastify';
import type { DeskService } from '../app/desk/deskService.js';
import {
  assetParams,
  codeParams,
  dateQuery,
  newsQuery,
  parseRequest,
  rangeQuery,
  requiredRangeQuery,
  storyParams,
  symbolParams,
} from './apiSchemas.js';
import { isAuthorized } from './bearerAuth.js';
import { HttpError } from './errorResponse.js';
import { buildOpenApiDocument } from './openApiDocument.js';
import type { ServerStats } from './serverStats.js';

export interface ApiRoutesOptions {
  readonly desk: DeskService;
  /** Bearer tokens accepted on admin/write endpoints; empty means those endpoints answer 403. */
  readonly adminTokens: readonly string[];
  readonly stats: ServerStats;
}

/**
 * Registers the JSON API under `/api` (documented in docs/server.md and `/api/openapi.json`).
 * Every parameter is validated with zod; errors go through the server's one error mapper.
 */
export async function apiRoutes(app: FastifyInstance, opts: ApiRoutesOptions): Promise<void> {
  const { desk, adminTokens, stats } = opts;
  const openApi = JSON.stringify(buildOpenApiDocument());

  app.get('/api/health', async () => ({ ok: true }));
  app.get('/api/openapi.json', async (_req, reply) => reply.type('application/json; charset=utf-8').send(openApi));

  app.get('/api/indexes', async () => ({ indexes: await desk.indexes() }));
  app.get('/api/indexes/:code/levels', async (req) => {
    const { code } = parseRequest(codeParams, req.params, 'params');
    const { from, to } = parseRequest(rangeQuery, req.query, 'query');
    return desk.levels(code, from, to);
  });
  app.get('/api/indexes/:code/latest', async (req) => {
    const { code } = parseRequest(codeParams, req.params, 'params');
    return desk.latestLevel(code);
  });
  app.get('/api/indexes/:code/constituents', async (req) => {
    const { code } = parseRequest(codeParams, req.params, 'params');
    const { date } = parseRequest(dateQuery, req.query, 'query');
    return desk.constituents(code, date);
  });
  app.get('/api/symbols/:symbol/milestones', async (req) => {
    const { symbol } = parseRequest(symbolParams, req.params, 'params');
    const { date } = parseRequest(dateQuery, req.query, 'query');
    return desk.milestones(symbol, date);
  });
  app.get('/api/symbols/:symbol/milestone-timeline', async (req) => {
    const { symbol } = parseRequest(symbolParams, req.params, 'params');
    const { from, to } = parseRequest(requiredRangeQuery, req.query, 'query');
    return { symbol, from, to, sessions: await desk.milestoneTimeline(symbol, from, to) };
  });
  app.get('/api/symbols/:symbol/movers', async (req) => {
    const { symbol } = parseRequest(symbolParams, req.params, 'params');
    const { date } = parseRequest(dateQuery, req.query, 'query');
    return desk.movers(symbol, date);
  });
  app.get('/api/news', async (req) => {
    const q = parseRequest(newsQuery, req.query, 'query');
    return desk.news({
      limit: q.limit,
      offset: q.offset,
      ...(q.q !== undefined && q.q.trim() !== '' ? { q: q.q.trim() } : {}),
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
    });
  });
  app.get('/api/names', async () => desk.names());
  app.get('/api/stories', async () => ({ stories: await desk.stories() }));
  app.get('/api/stories/:slug/:lang', async (req) => {
    const { slug, lang } = parseRequest(storyParams, req.params, 'params');
    return desk.story(slug, lang);
  });
  app.get('/api/story-assets/:name', async (req, reply) => {
    const { name } = parseRequest(assetParams, req.params, 'params');
    const a = await desk.storyAsset(name);
    return reply.type(a.contentType).header('cache-control', 'no-cache').send(Buffer.from(a.body));
  });

  // Admin and write endpoints: Bearer token, compared in constant time.
  const requireToken = async (req: { headers: Record<string, string | string[] | undefined> }): Promise<void> => {
    if (adminTokens.length === 0) {
      stats.unauthorized++;
      throw new HttpError(403, 'forbidden', 'admin endpoints are disabled: no admin token configured (INDEXWIRE_ADMIN_TOKENS)');
    }
    const h = req.headers.authorization;
    if (!isAuthorized(typeof h === 'string' ? h : undefined, adminTokens)) {
      stats.unauthorized++;
      throw new HttpError(401, 'unauthorized', 'missing or wrong Bearer token', { 'www-authenticate': 'Bearer realm="indexwire"' });
    }
  };
  app.post('/api/admin/reload', { preHandler: requireToken }, async () => desk.reload());
  app.get('/api/admin/stats', { preHandler: requireToken }, async () => stats.snapshot());
}
