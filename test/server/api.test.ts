import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ManualClock } from '../../src/core/clock.js';
import { SourceError } from '../../src/core/errors.js';
import { buildServer, type ServerOptions } from '../../src/server/buildServer.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/securityHeaders.js';
import * as R from '../../src/server/apiResponseSchemas.js';
import { createFakeDesk } from './fakeDesk.js';

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function server(opts: Partial<ServerOptions> = {}, desk = createFakeDesk()): Promise<FastifyInstance> {
  app = await buildServer({ desk, dashboard: false, rateLimit: false, ...opts });
  return app;
}

describe('API: reads', () => {
  it('returns the latest level with security headers', async () => {
    const s = await server();
    const r = await s.inject('/api/indexes/DEMO/latest');
    expect(r.statusCode).toBe(200);
    // fakeLevels: 60 sessions, level = 1000 + i*5 (+20 when i % 3 == 0); i=59 -> 1295, i=58 -> 1290
    expect(r.json()).toEqual({ code: 'DEMO', date: '2025-03-26', level: 1295, previousLevel: 1290, changePct: (1295 / 1290 - 1) * 100 });
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('filters levels by an inclusive date range', async () => {
    const s = await server();
    const r = await s.inject('/api/indexes/DEMO/levels?from=2025-01-06&to=2025-01-10');
    expect(r.statusCode).toBe(200);
    // Mon 6 .. Fri 10 January: five weekday sessions
    expect(r.json().points.map((p: { date: string }) => p.date)).toEqual([
      '2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10',
    ]);
  });

  it('serves constituents, milestones, timeline, movers, news and stories', async () => {
    const desk = createFakeDesk({
      news: [{ id: 'n1', title: 'Tech rally', body: 'Alpha jumps', publishedAt: '2025-02-07T10:00:00+08:00', source: 'RTHK', url: null, symbols: [] }],
      stories: [{ slug: 's1', lang: 'en', title: 'T', date: '2025-02-07', summary: 'S', translations: ['en'], body: 'B', tags: [], categories: [] }],
    });
    const s = await server({}, desk);
    expect((await s.inject('/api/indexes/DEMO/constituents?date=2025-01-06')).json().rows).toHaveLength(3);
    expect((await s.inject('/api/symbols/DEMO/milestones?date=2025-01-06')).json().symbol).toBe('DEMO');
    const tl = (await s.inject('/api/symbols/DEMO/milestone-timeline?from=2025-01-01&to=2025-12-31')).json();
    expect(tl.sessions.length).toBe(3); // sessions 10, 30, 50 of 60 carry a fact (i % 20 == 10)
    expect((await s.inject('/api/symbols/DEMO/movers?date=2025-01-06')).json().gainers[0].symbol).toBe('AAA.HK');
    expect((await s.inject('/api/news?q=ALPHA&limit=5')).json()).toMatchObject({ total: 1, items: [{ id: 'n1' }] });
    expect((await s.inject('/api/news?q=nothing')).json().total).toBe(0);
    expect((await s.inject('/api/stories')).json().stories).toEqual([
      { slug: 's1', lang: 'en', title: 'T', date: '2025-02-07', summary: 'S', translations: ['en'] },
    ]);
    expect((await s.inject('/api/stories/s1/en')).json().body).toBe('B');
  });

  it('serves an OpenAPI 3 document that lists every API route', async () => {
    const s = await server();
    const r = await s.inject('/api/openapi.json');
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.keys(doc.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1'));
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) {
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        expect(s.hasRoute({ method: method.toUpperCase() as 'GET', url }), `${method} ${url}`).toBe(true);
      }
    }
    expect(documented).toContain('/api/indexes/:code/latest');
    expect(documented).toContain('/api/admin/reload');
    expect(doc.paths['/api/news'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['q', 'from', 'to', 'limit', 'offset']);
  });
});

describe('API: responses match the documented schemas (strict: no undocumented field)', () => {
  it('for every read route and the admin reload', async () => {
    const desk = createFakeDesk({
      news: [{ id: 'n1', title: 'T', body: 'B', publishedAt: '2025-02-07T10:00:00+08:00', source: 'RTHK', url: null, symbols: ['AAA.HK'] }],
      stories: [{ slug: 's1', lang: 'en', title: 'T', date: '2025-02-07', summary: 'S', translations: ['en'], body: 'B', tags: ['x'], categories: [] }],
    });
    const s = await server({ adminTokens: ['schema-test-token-000'] }, desk);
    const check = async (url: string, schema: { parse(x: unknown): unknown }) => {
      const r = await s.inject(url);
      expect(r.statusCode, url).toBe(200);
      expect(() => schema.parse(r.json()), url).not.toThrow();
    };
    await check('/api/indexes', R.indexListSchema);
    await check('/api/indexes/DEMO/levels', R.levelSeriesSchema);
    await check('/api/indexes/DEMO/latest', R.latestLevelSchema);
    await check('/api/indexes/DEMO/constituents?date=2025-01-06', R.constituentTableSchema);
    await check('/api/symbols/DEMO/milestones?date=2025-01-16', R.milestoneReportSchema);
    await check('/api/symbols/DEMO/movers?date=2025-01-06', R.moversReportSchema);
    await check('/api/news', R.newsPageSchema);
    await check('/api/stories', R.storyListSchema);
    await check('/api/stories/s1/en', R.storyPageSchema);
    const reload = await s.inject({ method: 'POST', url: '/api/admin/reload', headers: { authorization: 'Bearer schema-test-token-000' } });
    expect(() => R.reloadReportSchema.parse(reload.json())).not.toThrow();
    // and the check can fail: an undocumented field is refused
    expect(() => R.latestLevelSchema.parse({ code: 'X', date: '2025-01-01', level: 1, previousLevel: null, changePct: null, extra: 1 })).toThrow();
  });
});

describe('API: story chart files', () => {
  it('serves a known SVG with its type, refuses names that are not plain chart files', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const s = await server({}, createFakeDesk({ assets: { 'a.index.svg': { contentType: 'image/svg+xml', body: svg } } }));
    const ok = await s.inject('/api/story-assets/a.index.svg');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('image/svg+xml');
    expect(ok.headers['content-security-policy']).toContain("default-src 'none'"); // an SVG opened directly runs no script
    expect(ok.body).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect((await s.inject('/api/story-assets/b.svg')).statusCode).toBe(404);
    for (const bad of ['x.js', '..%2Fsecret.svg', '.hidden.svg', 'a%20b.png']) {
      const r = await s.inject(`/api/story-assets/${bad}`);
      expect(r.statusCode, bad).toBe(400);
      expect(r.json().error.field).toBe('name');
    }
  });
});

describe('API: errors go through one mapper', () => {
  it('answers 400 naming the field and value for a bad date', async () => {
    const s = await server();
    const r = await s.inject('/api/indexes/DEMO/levels?from=2025-02-30');
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({
      error: {
        status: 400,
        code: 'bad_input',
        message: 'request query: field "from": value "2025-02-30" not a date (YYYY-MM-DD)',
        source: 'request query',
        field: 'from',
        value: '2025-02-30',
      },
    });
  });

  it('answers 400 for unknown query parameters, bad codes and limits out of range', async () => {
    const s = await server();
    const unknown = await s.inject('/api/indexes/DEMO/levels?form=2025-01-01');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('unknown parameter(s): form');
    const code = await s.inject(`/api/indexes/${encodeURIComponent('<script>')}/latest`);
    expect(code.statusCode).toBe(400);
    expect(code.json().error.field).toBe('code');
    const limit = await s.inject('/api/news?limit=201');
    expect(limit.statusCode).toBe(400);
    expect(limit.json().error.field).toBe('limit');
    const missing = await s.inject('/api/symbols/DEMO/movers');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('date');
  });

  it('answers 404 for an unknown index, session, story and route', async () => {
    const s = await server();
    expect((await s.inject('/api/indexes/NOPE/latest')).json().error).toMatchObject({ status: 404, code: 'not_found' });
    expect((await s.inject('/api/indexes/DEMO/constituents?date=2025-01-04')).statusCode).toBe(404); // a Saturday
    expect((await s.inject('/api/stories/none/en')).statusCode).toBe(404);
    const route = await s.inject('/api/nothing');
    expect(route.statusCode).toBe(404);
    expect(route.json().error.code).toBe('not_found');
  });

  it('answers 501 with a clear message when analytics is not wired', async () => {
    const s = await server({}, createFakeDesk({ noAnalytics: true }));
    const r = await s.inject('/api/symbols/DEMO/movers?date=2025-01-06');
    expect(r.statusCode).toBe(501);
    expect(r.json().error).toEqual({ status: 501, code: 'unavailable', message: 'movers unavailable: analytics not wired' });
  });

  it('answers 500 without the message or stack of an unexpected error', async () => {
    const desk = createFakeDesk();
    desk.latestLevel = async () => {
      throw new Error('secret /etc/path exploded');
    };
    const s = await server({}, desk);
    const r = await s.inject('/api/indexes/DEMO/latest');
    expect(r.statusCode).toBe(500);
    expect(r.body).not.toContain('secret');
    expect(r.body).not.toContain('at ');
    expect(r.json()).toEqual({ error: { status: 500, code: 'internal', message: 'internal error' } });
  });

  it('answers 503 for an unreadable data source without the server-side path in the body', async () => {
    const desk = createFakeDesk();
    desk.latestLevel = async () => {
      throw new SourceError('/srv/secret-data/hk/HSTECH.csv', 'cannot read: EACCES', true);
    };
    const s = await server({}, desk);
    const r = await s.inject('/api/indexes/DEMO/latest');
    expect(r.statusCode).toBe(503);
    expect(r.body).not.toContain('/srv/secret-data');
    expect(r.json().error.code).toBe('source_unavailable');
  });
});

describe('API: admin tokens', () => {
  it('disables admin endpoints when no token is configured', async () => {
    const desk = createFakeDesk();
    const s = await server({}, desk);
    const r = await s.inject({ method: 'POST', url: '/api/admin/reload', headers: { authorization: 'Bearer x' } });
    expect(r.statusCode).toBe(403);
    expect(desk.calls.reload).toBeUndefined();
  });

  it('rejects a missing or wrong token with 401 and accepts the right one', async () => {
    const desk = createFakeDesk();
    const s = await server({ adminTokens: ['s3cret-token-a', 's3cret-token-b'] }, desk);
    const none = await s.inject({ method: 'POST', url: '/api/admin/reload' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="indexwire"');
    const wrong = await s.inject({ method: 'POST', url: '/api/admin/reload', headers: { authorization: 'Bearer s3cret-token-' } });
    expect(wrong.statusCode).toBe(401);
    expect(desk.calls.reload).toBeUndefined();
    const ok = await s.inject({ method: 'POST', url: '/api/admin/reload', headers: { authorization: 'Bearer s3cret-token-b' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ series: 1, news: 0, stories: 0, issues: 0 });
    expect(desk.calls.reload).toBe(1);
    const stats = await s.inject({ url: '/api/admin/stats', headers: { authorization: 'bearer s3cret-token-a' } });
    expect(stats.json()).toMatchObject({ requests: 4, unauthorized: 2, rateLimited: 0 });
  });
});

describe('API: rate limit', () => {
  it('answers 429 with Retry-After once the bucket is empty, and again 200 after refill', async () => {
    const clock = new ManualClock(1_000_000);
    const s = await server({ clock, rateLimit: { capacity: 3, refillPerSec: 2 } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await s.inject('/api/health')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const limited = await s.inject('/api/health');
    expect(limited.headers['retry-after']).toBe('1'); // 1 token at 2/s = 0.5 s, rounded up to 1 s
    expect(limited.json().error.code).toBe('rate_limited');
    clock.advance(500); // +0.5 s * 2/s = 1 token
    expect((await s.inject('/api/health')).statusCode).toBe(200);
    expect((await s.inject('/api/health')).statusCode).toBe(429);
  });
  it('limits a percent-encoded path too: /%61pi/health is routed to /api/health, so it costs a token', async () => {
    const s = await server({ clock: new ManualClock(0), rateLimit: { capacity: 1, refillPerSec: 0.001 } });
    expect((await s.inject('/api/health')).statusCode).toBe(200); // the one token
    const codes = [];
    for (const u of ['/%61pi/health', '/%61%70%69/news', '/api/health']) codes.push((await s.inject(u)).statusCode);
    expect(codes).toEqual([429, 429, 429]);
  });
  it('limits unknown /api/ paths with the dashboard on (its static wildcard route would otherwise take them)', async () => {
    const s = await server({ clock: new ManualClock(0), rateLimit: { capacity: 1, refillPerSec: 0.001 }, dashboard: true });
    const codes = [];
    for (const u of ['/api/nope', '/api/nope', '/%61pi/nope']) codes.push((await s.inject(u)).statusCode);
    expect(codes).toEqual([404, 429, 429]); // one token, then the bucket is empty
  });
});
