import { z } from 'zod';
import {
  assetParams,
  codeParams,
  dateQuery,
  newsQuery,
  rangeQuery,
  requiredRangeQuery,
  storyParams,
  symbolParams,
} from './apiSchemas.js';
import { RESPONSE_SCHEMAS, type ResponseSchemaName } from './apiResponseSchemas.js';

type Json = Record<string, unknown>;

/** Parameters of an operation from the same zod schemas that validate requests. */
function params(schema: z.ZodObject, where: 'path' | 'query'): Json[] {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

const errorRef = { $ref: '#/components/schemas/Error' };
const errors = (...codes: number[]): Json =>
  Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_TEXT[c] ?? 'error', content: { 'application/json': { schema: errorRef } } }]));
const ERROR_TEXT: Record<number, string> = {
  400: 'bad parameter: body names the field and value',
  401: 'missing or wrong Bearer token',
  403: 'admin endpoints disabled (no token configured)',
  404: 'unknown code, date, symbol or story',
  429: 'rate limited (see Retry-After)',
  501: 'this part of the desk is not built or not configured',
};
const ok = (description: string, schema: Json = { type: 'object' }): Json => ({
  '200': { description, content: { 'application/json': { schema } } },
});
/** `{$ref}` when the description names a response component, else a plain object. */
const refOrObject = (name: string): Json =>
  name in RESPONSE_SCHEMAS ? { $ref: `#/components/schemas/${name}` } : { type: 'object' };
const components = (): Json =>
  Object.fromEntries(
    (Object.keys(RESPONSE_SCHEMAS) as ResponseSchemaName[]).map((k) => {
      const { $schema: _dialect, ...schema } = z.toJSONSchema(RESPONSE_SCHEMAS[k], { io: 'output', unrepresentable: 'any' });
      return [k, schema];
    }),
  );

/** The OpenAPI 3.1 description served at `/api/openapi.json`. */
export function buildOpenApiDocument(): Json {
  const get = (summary: string, parameters: Json[], response: string, errs: number[] = [400, 404, 429, 501]): Json => ({
    get: { summary, parameters, responses: { ...ok(response, refOrObject(response)), ...errors(...errs) } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Indexwire API',
      version: '0.1.0',
      description:
        'Index levels, constituents, milestones, movers, news and stories. Percentages are in percent (1.8 = +1.8%), weights are fractions, levels are index points. Untrusted text (news, stories) is plain text.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ...components(),
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'code', 'message'],
              properties: {
                status: { type: 'integer' },
                code: { type: 'string' },
                message: { type: 'string' },
                source: { type: 'string' },
                line: { type: 'integer' },
                field: { type: 'string' },
                value: { type: 'string' },
              },
            },
          },
        },
      },
    },
    paths: {
      '/api/health': get('Liveness', [], '{ok: true}', []),
      '/api/indexes': get('Index codes with a level series', [], 'IndexList', [429]),
      '/api/indexes/{code}/levels': get('Daily levels', [...params(codeParams, 'path'), ...params(rangeQuery, 'query')], 'LevelSeries'),
      '/api/indexes/{code}/latest': get('Latest level', params(codeParams, 'path'), 'LatestLevel'),
      '/api/indexes/{code}/constituents': get(
        'Members on a session with weight, change and contribution',
        [...params(codeParams, 'path'), ...params(dateQuery, 'query')],
        'ConstituentTable',
      ),
      '/api/symbols/{symbol}/milestones': get(
        'Milestone facts on a session',
        [...params(symbolParams, 'path'), ...params(dateQuery, 'query')],
        'MilestoneReport',
      ),
      '/api/symbols/{symbol}/milestone-timeline': get(
        'Sessions with facts in a range (chart markers)',
        [...params(symbolParams, 'path'), ...params(requiredRangeQuery, 'query')],
        '{symbol, from, to, sessions: MilestoneReport[]}',
      ),
      '/api/symbols/{symbol}/movers': get(
        'Top gainers and losers among the members',
        [...params(symbolParams, 'path'), ...params(dateQuery, 'query')],
        'MoversReport',
      ),
      '/api/news': get('News, newest first, with text search', params(newsQuery, 'query'), 'NewsPage', [400, 429, 501]),
      '/api/names': get('Names of the securities and indexes in English and Traditional Chinese', [], 'SecurityNames'),
      '/api/stories': get('Stories, one entry per language', [], 'StoryList', [429, 501]),
      '/api/stories/{slug}/{lang}': get('One story in one language', params(storyParams, 'path'), 'StoryPage'),
      '/api/story-assets/{name}': {
        get: {
          summary: 'A chart file written beside the stories (SVG or PNG)',
          parameters: params(assetParams, 'path'),
          responses: {
            '200': { description: 'the image', content: { 'image/svg+xml': {}, 'image/png': {} } },
            ...errors(400, 404, 429, 501),
          },
        },
      },
      '/api/openapi.json': get('This document', [], 'OpenAPI 3.1', []),
      '/api/admin/reload': {
        post: {
          summary: 'Re-read the data folders (admin)',
          security: [{ bearer: [] }],
          responses: { ...ok('ReloadReport', refOrObject('ReloadReport')), ...errors(401, 403, 429) },
        },
      },
      '/api/admin/stats': {
        get: {
          summary: 'Request counters (admin)',
          security: [{ bearer: [] }],
          responses: { ...ok('ServerStats'), ...errors(401, 403, 429) },
        },
      },
    },
  };
}
