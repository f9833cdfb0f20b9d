import { ConfigError } from '../../core/errors.js';
import { isSessionDate } from '../../core/units.js';
import type { Fact } from '../../domain/fact.js';
import type { BarColumns } from '../series/BarColumns.js';

/** A period asked for by name: a year `2024`, a month `2024-10`, or `FROM..TO` (dates, both inclusive). */
export interface PeriodSpec {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Parses `2024`, `2024-10` or `2024-01-01..2024-06-30`.
 * @throws ConfigError naming the value when it is none of these
 */
export function parsePeriod(text: string): PeriodSpec {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return { label: t, from: `${t}-01-01`, to: `${t}-12-31` };
  if (/^\d{4}-\d{2}$/.test(t) && isSessionDate(`${t}-01`)) return { label: t, from: `${t}-01`, to: `${t}-31` };
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (m && isSessionDate(m[1] as string) && isSessionDate(m[2] as string) && (m[1] as string) <= (m[2] as string)) {
    return { label: t, from: m[1] as string, to: m[2] as string };
  }
  throw new ConfigError({ source: '--period', value: text, reason: 'expected YYYY, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD' });
}

/**
 * "4.38% below its 2024 high": the highest and lowest close of a period that ended before or on session `i`, with
 * their dates, and the close of `i` against them (`changePct`, percent). Only sessions up to `i` count.
 * Returns [] when the period has no session in the data up to `i` (said in plain words by the caller).
 * Ties: the earliest session. `period` carries the label; the data may not cover the whole period: `detail`
 * gives the first and last session found.
 * @example periodExtremeFacts(cols, i, parsePeriod('2024'))[0].changePct // -4.38 for HSTECH on 2025-02-07
 */
export function periodExtremeFacts(cols: BarColumns, i: number, p: PeriodSpec): Fact[] {
  let hi = -1, lo = -1, first = -1, last = -1;
  for (let j = 0; j <= i; j++) {
    const d = cols.dates[j] as string;
    if (d < p.from || d > p.to) continue;
    if (first < 0) first = j;
    last = j;
    if (hi < 0 || cols.close(j) > cols.close(hi)) hi = j;
    if (lo < 0 || cols.close(j) < cols.close(lo)) lo = j;
  }
  if (hi < 0) return [];
  const c = cols.close(i);
  const detail = { firstSession: cols.date(first), lastSession: cols.date(last) };
  const fact = (type: string, j: number): Fact => ({
    type, basis: 'close', changePct: (c / cols.close(j) - 1) * 100, value: cols.close(j),
    reference: { date: cols.date(j), value: cols.close(j) }, period: p.label, detail,
  });
  return [fact('period_high', hi), fact('period_low', lo)];
}
