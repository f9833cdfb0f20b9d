import type { Bar } from '../../domain/bar.js';
import { BAR_CSV_HEADER } from './parseBarsCsv.js';

/**
 * Writes bars in the layout {@link parseBarsCsv} reads: header `date,open,high,low,close,adj_close,volume`,
 * one row per bar, `\n` line ends, a final newline, numbers in JavaScript's shortest round-trip form (so
 * parsing gives back the same doubles), null as an empty field. Deterministic: same bars, same bytes.
 * @example formatBarsCsv([{date: '2025-01-02', open: 1, high: 2, low: 1, close: 1.5, adjClose: null, volume: null}])
 * // 'date,open,high,low,close,adj_close,volume\n2025-01-02,1,2,1,1.5,,\n'
 */
export function formatBarsCsv(bars: readonly Bar[]): string {
  const num = (x: number | null): string => (x === null ? '' : String(x));
  let out = `${BAR_CSV_HEADER.join(',')}\n`;
  for (const b of bars) out += `${b.date},${b.open},${b.high},${b.low},${b.close},${num(b.adjClose)},${num(b.volume)}\n`;
  return out;
}
