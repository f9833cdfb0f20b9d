import { readFileSync } from 'node:fs';
import { SourceError } from '../core/errors.js';

/**
 * A loader for a reference file (descriptors, security master): reads the file once per path for the life of the
 * process and hands its text to `parse`.
 * @param what what the file is, for the error: `cannot read ${what}: …`
 * @throws SourceError naming the path when the file cannot be read; whatever `parse` throws when it is invalid.
 */
export function cachedFileLoader<T>(what: string, parse: (text: string, path: string) => T): (path: string) => T {
  const cache = new Map<string, T>();
  return (path) => {
    const hit = cache.get(path);
    if (hit !== undefined) return hit;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new SourceError(path, `cannot read ${what}: ${(e as Error).message}`, false);
    }
    const value = parse(text, path);
    cache.set(path, value);
    return value;
  };
}
