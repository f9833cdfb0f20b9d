import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { asSecurityId, isSessionDate, type SecurityId, type SessionDate } from '../core/units.js';
import type { CorporateAction } from '../domain/corporateAction.js';
import type { Security } from '../domain/security.js';

/**
 * Reference data beside the bars in a data folder: `*securities.json` (security master with share counts and
 * free-float factors) and `*actions.json` (corporate actions). Both are optional; the simulated demo market
 * writes them (`simtech_securities.json`, `simtech_actions.json`). The real HK data has neither.
 */
export interface ReferenceData {
  readonly securities?: ReadonlyMap<SecurityId, Security>;
  readonly actions?: readonly CorporateAction[];
  /** Files read. */
  readonly files: readonly string[];
}

const date = z.string().refine(isSessionDate, { message: 'must be a date (YYYY-MM-DD)' });
const positive = z.number().positive();
const actionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('split'), symbol: z.string().min(1), exDate: date, ratio: positive }),
  z.object({ kind: z.literal('cash_dividend'), symbol: z.string().min(1), exDate: date, amount: positive }),
  z.object({ kind: z.literal('special_dividend'), symbol: z.string().min(1), exDate: date, amount: positive }),
  z.object({
    kind: z.literal('rights_issue'), symbol: z.string().min(1), exDate: date,
    newShares: positive, oldShares: positive, subscriptionPrice: positive,
  }),
]);
const securitySchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['stock', 'index']),
  name: z.string().min(1),
  nameZhHant: z.string().optional(),
  nameZhHans: z.string().optional(),
  currency: z.string().min(1),
  exchange: z.string().min(1),
  sharesOutstanding: positive.optional(),
  freeFloatFactor: z.number().gt(0).lte(1).optional(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

/**
 * Reads the reference files of `dataDir` (none is an empty answer).
 * @throws InputError naming the file and the field path (`[3].exDate`) of the first bad entry.
 */
export function loadReferenceData(dataDir: string): ReferenceData {
  if (!existsSync(dataDir)) return { files: [] };
  const names = readdirSync(dataDir).sort();
  const files: string[] = [];
  let securities: Map<SecurityId, Security> | undefined;
  let actions: CorporateAction[] | undefined;
  for (const n of names.filter(isSecuritiesFile)) {
    const path = join(dataDir, n);
    securities ??= new Map();
    for (const s of readSecuritiesJson(path)) securities.set(s.id, s);
    files.push(path);
  }
  for (const n of names.filter(isActionsFile)) {
    const path = join(dataDir, n);
    actions ??= [];
    actions.push(...readActionsJson(path));
    files.push(path);
  }
  return { ...(securities ? { securities } : {}), ...(actions ? { actions } : {}), files };
}

/** `*securities.json`: a security master file beside the bars. */
export const isSecuritiesFile = (name: string): boolean => name.endsWith('securities.json');
/** `*actions.json`: a corporate actions file beside the bars. */
export const isActionsFile = (name: string): boolean => name.endsWith('actions.json');

/** Reads one `*securities.json`. @throws InputError naming the file and the field path of the first bad entry. */
export function readSecuritiesJson(path: string): Security[] {
  return parseJsonArray(path, z.array(securitySchema)).map((s) => ({ ...s, id: asSecurityId(s.id) }) as Security);
}

/** Reads one `*actions.json`. @throws InputError naming the file and the field path of the first bad entry. */
export function readActionsJson(path: string): CorporateAction[] {
  return parseJsonArray(path, z.array(actionSchema)).map((a) => ({ ...a, symbol: asSecurityId(a.symbol), exDate: a.exDate as SessionDate }) as CorporateAction);
}

function parseJsonArray<T>(path: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError({ source: path, reason: `not valid JSON: ${(e as Error).message}` });
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = (issue?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    throw new InputError({ source: path, field: field || '(root)', reason: issue?.message ?? 'invalid' });
  }
  return r.data;
}
