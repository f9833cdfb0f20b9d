import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/**
 * The folder where the compiled CLI keeps parsed configuration: `dist/<build id>/cache/`, announced by the
 * launcher (bin/launch.cjs) under this global symbol. It belongs to one build, so a result parsed by other code
 * is never read back (a changed parser is a new build), and it goes when the build goes. Running from the
 * sources (tests, tsx) there is none, and nothing is cached.
 */
const CACHE_DIR = Symbol.for('indexwire.parseCacheDir');

/** The compiled CLI's cache folder for this build (`dist/<build id>/cache/`), or null when running from the sources. */
export function buildCacheDir(): string | null {
  const dir = (globalThis as Record<symbol, unknown>)[CACHE_DIR];
  return typeof dir === 'string' ? dir : null;
}

/**
 * `parse()` of a text, kept as JSON by the text's digest: a YAML file that a cold process parses and validates in
 * ~100 ms (yaml + zod, not yet compiled by V8) is read back in under 1 ms. Only a value that JSON gives back
 * exactly is kept (plain objects, arrays, strings, finite numbers, booleans, null); a failed parse throws as
 * usual and is never kept; a cache that cannot be read or written is ignored.
 * @param kind what is parsed, part of the key (`security-master`, `methodology`)
 * @example cachedParse('methodology', text, () => parseMethodology(text, path))
 */
export function cachedParse<T>(kind: string, text: string, parse: () => T): T {
  const dir = buildCacheDir();
  if (dir === null) return parse();
  const file = join(dir, `${kind}-${createHash('sha256').update(text).digest('hex').slice(0, 32)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    // not cached yet (or unreadable): parse
  }
  const value = parse();
  const json = JSON.stringify(value);
  if (json !== undefined && isDeepStrictEqual(JSON.parse(json), value)) {
    const tmp = `${file}.tmp-${process.pid}`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(tmp, json);
      renameSync(tmp, file);
    } catch {
      rmSync(tmp, { force: true });
    }
  }
  return value;
}
