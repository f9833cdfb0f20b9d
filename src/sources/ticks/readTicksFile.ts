import { readFileSync } from 'node:fs';
import { SourceError } from '../../core/errors.js';
import { parseTicksCsv, parseTicksNdjson, type ParsedTicks } from './parseTicks.js';

/**
 * Reads a tick file: `.csv` as CSV, anything else (`.ndjson`, `.jsonl`) as NDJSON.
 * @throws SourceError when the file cannot be read.
 */
export function readTicksFile(path: string): ParsedTicks {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SourceError(path, `cannot read tick file: ${(e as Error).message}`, false);
  }
  return /\.csv$/i.test(path) ? parseTicksCsv(text, path) : parseTicksNdjson(text, path);
}
