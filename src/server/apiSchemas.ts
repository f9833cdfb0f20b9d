import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { isSessionDate, type SessionDate } from '../core/units.js';

/** Request parameter schemas (zod 4): one source for validation and for the OpenAPI document. */
const date = z
  .string()
  .refine((s) => isSessionDate(s), { message: 'not a date (YYYY-MM-DD)' })
  .transform((s) => s as SessionDate)
  .meta({ type: 'string', format: 'date', example: '2025-02-07' });

export const codeParams = z.object({
  code: z.string().regex(/^[A-Za-z0-9.^_-]{1,32}$/, 'index code: 1-32 of A-Z a-z 0-9 . ^ _ -'),
});
export const symbolParams = z.object({
  symbol: z.string().regex(/^[A-Za-z0-9.^_-]{1,32}$/, 'symbol: 1-32 of A-Z a-z 0-9 . ^ _ -'),
});
export const storyParams = z.object({
  slug: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,159}$/, 'slug: letters, digits, . _ -'),
  lang: z.string().regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, 'language tag such as en or zh-Hant'),
});
export const assetParams = z.object({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,159}\.(svg|png)$/, 'a chart file name ending in .svg or .png'),
});
export const rangeQuery = z.object({ from: date.optional(), to: date.optional() }).strict();
export const requiredRangeQuery = z.object({ from: date, to: date }).strict();
export const dateQuery = z.object({ date }).strict();
export const optionalDateQuery = z.object({ date: date.optional() }).strict();
export const newsQuery = z
  .object({
    q: z.string().max(200).optional(),
    from: date.optional(),
    to: date.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/**
 * Validates `input` against `schema`.
 * @throws InputError (HTTP 400) naming the part (`query`, `params`) and the first bad field.
 */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, part: 'query' | 'params'): z.output<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const raw = path === '' ? undefined : lookup(input, issue?.path ?? []);
  let reason = issue?.message ?? 'invalid';
  if (issue?.code === 'unrecognized_keys') reason = `unknown parameter(s): ${issue.keys.join(', ')}`;
  throw new InputError({
    source: `request ${part}`,
    ...(path !== '' ? { field: path } : {}),
    ...(typeof raw === 'string' ? { value: raw } : {}),
    reason,
  });
}

function lookup(o: unknown, path: readonly PropertyKey[]): unknown {
  let cur = o;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}
