import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { cachedFileLoader } from './cachedFileLoader.js';
import { cachedParse } from './parseCache.js';
import type { IndexDescriptor, StoryNames } from '../domain/story.js';

/** The descriptors shipped with Indexwire: `data/descriptors.yaml` at the repository root. */
export const DEFAULT_DESCRIPTORS_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/descriptors.yaml');

const fileSchema = z.strictObject({
  indexes: z.array(z.strictObject({ id: z.string().min(1), en: z.string().min(1), zhHant: z.string().min(1), count: z.number().int().positive().optional() })).default([]),
  securities: z.array(z.strictObject({ id: z.string().min(1), en: z.string().min(1), short: z.string().min(1), zhHant: z.string().min(1) })).default([]),
});

/** Descriptors by security id: companies' (first mention) and indexes' (the lede). */
export interface Descriptors {
  readonly companies: ReadonlyMap<string, NonNullable<StoryNames['descriptor']>>;
  readonly indexes: ReadonlyMap<string, IndexDescriptor>;
}

const readDescriptors = cachedFileLoader('descriptors', (text, path): Descriptors => {
  // yaml + zod on cold code cost ~60 ms at each start: the compiled CLI keeps the validated value (parseCache)
  const data = cachedParse('descriptors', text, () => {
    const r = fileSchema.safeParse(parse(text));
    if (!r.success) {
      const i = r.error.issues[0];
      throw new ConfigError({ source: path, field: i?.path.join('.') ?? '', reason: i?.message ?? 'invalid' });
    }
    return r.data;
  });
  return {
    companies: new Map(data.securities.map((s) => [s.id, { en: s.en, 'zh-Hant': s.zhHant, shortEn: s.short }])),
    indexes: new Map(data.indexes.map((x) => [x.id, { en: x.en, 'zh-Hant': x.zhHant, count: x.count ?? null }])),
  };
});

/**
 * Reads the business descriptors file (cached per path for the life of the process).
 * @throws SourceError when it cannot be read; ConfigError naming the file and field when it is invalid.
 */
export function loadDescriptors(path: string = DEFAULT_DESCRIPTORS_PATH): Descriptors {
  return readDescriptors(path);
}
