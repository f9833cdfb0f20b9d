import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, SourceError } from '../core/errors.js';
import { readMethodology } from './buildIndex.js';

/** The project's `methodologies/` folder. */
export const METHODOLOGIES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../methodologies');

/**
 * Finds the methodology file of an index code: `methodologies/<code-lowercase>*.yaml` whose `code` field equals
 * CODE (case-insensitive); a single file matching the name is taken as is.
 * @example findMethodologyFile('HSTECH-R') // .../methodologies/hstech-replica.yaml
 * @throws SourceError when no file matches; ConfigError when several do and none has that code.
 */
export function findMethodologyFile(code: string, dir = METHODOLOGIES_DIR): string {
  const prefix = code.toLowerCase();
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n) && n.toLowerCase().startsWith(prefix)).sort() : [];
  if (names.length === 0) throw new SourceError(dir, `no methodology ${prefix}*.yaml for index code "${code}"; pass --methodology FILE`, false);
  const paths = names.map((n) => join(dir, n));
  if (paths.length === 1) return paths[0] as string;
  const exact = paths.find((p) => readMethodology(p).code.toLowerCase() === prefix);
  if (!exact) throw new ConfigError({ source: dir, value: code, reason: `several methodologies match (${names.join(', ')}) and none has this code` });
  return exact;
}
