import { readBarsFile } from '../../src/sources/csvBars/readBarsFolder.js';

/**
 * Baseline for bench/api.bench.ts: the latest level computed from scratch on every request
 * (read and parse the level CSV, take the last two closes). What a handler without a desk does.
 * @throws Error when the file has fewer than one bar.
 */
export function naiveLatestLevel(csvPath: string, code: string): { code: string; date: string; level: number; previousLevel: number | null; changePct: number | null } {
  const { bars } = readBarsFile(csvPath);
  const last = bars[bars.length - 1];
  if (!last) throw new Error(`${csvPath}: no bars`);
  const prev = bars[bars.length - 2];
  return {
    code,
    date: last.date,
    level: last.close,
    previousLevel: prev?.close ?? null,
    changePct: prev ? (last.close / prev.close - 1) * 100 : null,
  };
}
