import { readFileSync } from 'node:fs';
import { SourceError } from '../../core/errors.js';
import { parseBarsCsv, type ParsedBars } from '../csvBars/parseBarsCsv.js';
import { screenParsed } from '../csvBars/readBarsFolder.js';
import { isVegaPriceHeader, parseVegaPriceCsv } from './parseVegaPriceCsv.js';

/**
 * Reads one price file in either layout: Indexwire's bar CSV (`date,open,high,low,close,adj_close,volume`)
 * or a vega-datasets price file (`sp500-2000.csv`, `sp500.csv`), told apart by the header line.
 * @throws SourceError when the file cannot be read; InputError when a vega file has a bad row
 */
export function readPriceFile(path: string, symbol?: string): ParsedBars {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SourceError(path, `cannot read file: ${(e as Error).message}`, false);
  }
  const first = text.slice(0, text.indexOf('\n') >>> 0);
  return isVegaPriceHeader(first) ? parseVegaPriceCsv(text, path, symbol) : screenParsed(parseBarsCsv(text, path, symbol), text);
}
