import { z } from 'zod';

/**
 * Response shapes of the API (zod 4), mirroring src/app/desk/deskService.ts. They feed the OpenAPI
 * document's components and the tests check real responses against them (strict: no undocumented field).
 * Percentages in percent, weights as fractions, levels in index points.
 */
const date = z.string().meta({ format: 'date', example: '2025-02-07' });
const pct = z.number().nullable().meta({ description: 'percent: 1.8 means +1.8%' });

export const indexInfoSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  source: z.enum(['engine', 'series']),
  firstDate: date,
  lastDate: date,
  tracks: z.string().optional().meta({ description: 'the official series an engine replica is fitted to' }),
});
export const indexListSchema = z.strictObject({ indexes: z.array(indexInfoSchema) });
export const levelPointSchema = z.strictObject({
  date,
  level: z.number(),
  high: z.number().nullable(),
  low: z.number().nullable(),
  changePct: pct,
});
export const levelSeriesSchema = z.strictObject({ code: z.string(), source: z.enum(['engine', 'series']), points: z.array(levelPointSchema) });
export const latestLevelSchema = z.strictObject({
  code: z.string(),
  date,
  level: z.number(),
  previousLevel: z.number().nullable(),
  changePct: pct,
});
export const constituentRowSchema = z.strictObject({
  symbol: z.string(),
  name: z.string(),
  weight: z.number().nullable().meta({ description: 'fraction of the index at the previous close' }),
  price: z.number().nullable(),
  changePct: pct,
  contributionPoints: z.number().nullable().meta({ description: 'index points added to the day’s move' }),
  stale: z.boolean(),
});
export const constituentTableSchema = z.strictObject({
  code: z.string(),
  date,
  source: z.enum(['engine', 'members']),
  rows: z.array(constituentRowSchema),
});
export const factSchema = z
  .object({
    type: z.string(),
    basis: z.enum(['close', 'intraday']),
    event: z.string().optional(),
    changePct: z.number().optional(),
    value: z.number().optional(),
    reference: z.object({ date, value: z.number() }).optional(),
    since: z.string().optional(),
    count: z.number().optional(),
    period: z.string().optional(),
    detail: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ description: 'an analytics Fact (see docs/analytics)' });
export const milestoneReportSchema = z.object({
  symbol: z.string(),
  date,
  close: z.number(),
  previousClose: z.number().nullable(),
  changePct: pct,
  high: z.number(),
  low: z.number(),
  facts: z.array(factSchema),
  notes: z.array(z.string()).optional(),
});
export const moverSchema = z.object({
  symbol: z.string(),
  name: z.string(),
  close: z.number(),
  changePct: z.number(),
  asMuchAsPct: z.number(),
  contributionPoints: z.number().nullable(),
});
export const moversReportSchema = z
  .object({ symbol: z.string(), date, gainers: z.array(moverSchema), losers: z.array(moverSchema) })
  .meta({ description: 'analytics movers report; intraday, contributors, volume, breadth, contributionSource and notes pass through' });
export const newsItemSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string().meta({ description: 'ISO 8601 with the publisher’s offset' }),
  source: z.string(),
  url: z.string().nullable(),
  symbols: z.array(z.string()),
  post: z.string().nullable().optional().meta({ description: 'the republished post of the article on the served site (/site/news/...), when serve has --site' }),
});
export const newsPageSchema = z.strictObject({ total: z.number().int(), items: z.array(newsItemSchema) });
export const storySummarySchema = z.strictObject({
  slug: z.string(),
  lang: z.string(),
  title: z.string(),
  date: z.string(),
  summary: z.string(),
  translations: z.array(z.string()),
});
export const storyListSchema = z.strictObject({ stories: z.array(storySummarySchema) });
export const storyPageSchema = storySummarySchema.extend({ body: z.string(), tags: z.array(z.string()), categories: z.array(z.string()) });
export const reloadReportSchema = z.strictObject({ series: z.number(), news: z.number(), stories: z.number(), issues: z.number() });

export const securityNamesSchema = z.strictObject({
  names: z.record(z.string(), z.strictObject({ en: z.string(), zhHant: z.string().nullable() })).meta({ description: 'security id -> English and Traditional Chinese names' }),
});

/** Component name -> schema, for the OpenAPI document. */
export const RESPONSE_SCHEMAS = {
  IndexList: indexListSchema,
  LevelSeries: levelSeriesSchema,
  LatestLevel: latestLevelSchema,
  ConstituentTable: constituentTableSchema,
  MilestoneReport: milestoneReportSchema,
  MoversReport: moversReportSchema,
  NewsPage: newsPageSchema,
  StoryList: storyListSchema,
  StoryPage: storyPageSchema,
  ReloadReport: reloadReportSchema,
  SecurityNames: securityNamesSchema,
} as const;
export type ResponseSchemaName = keyof typeof RESPONSE_SCHEMAS;
