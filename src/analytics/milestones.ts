import { InputError } from '../core/errors.js';
import { daysBetween, type SessionDate } from '../core/units.js';
import type { Fact, MilestoneReport } from '../domain/fact.js';
import type { DetectorSpec } from './detector.js';
import { periodExtremeFacts, type PeriodSpec } from './extremes/periodExtreme.js';
import { DETECTORS } from './registry.js';
import type { BarColumns } from './series/BarColumns.js';

/** A previous session further back than this many calendar days is reported as a gap. */
export const GAP_NOTE_DAYS = 7;

/**
 * The milestones of one series on one session: every detector's batch face over the bars up to `date`
 * (detectors are causal: a session's facts use only that session and earlier ones).
 * Detectors still warming up are named in `notes` ("not enough history for ..."), never guessed.
 * `periods` adds the distance to the high and low close of each named period (e.g. the 2024 high).
 * @example buildMilestoneReport('HSTECH', cols, '2025-02-07').changePct // 1.7978...
 * @throws InputError when the series has no session on `date` (naming the nearest sessions around it)
 */
export function buildMilestoneReport(
  symbol: string,
  cols: BarColumns,
  date: SessionDate,
  source = symbol,
  detectors: readonly DetectorSpec[] = DETECTORS,
  periods: readonly PeriodSpec[] = [],
): MilestoneReport {
  const i = cols.dates.indexOf(date);
  if (i < 0) {
    const before = [...cols.dates].reverse().find((d) => d < date);
    const after = cols.dates.find((d) => d > date);
    const around = [before ? `previous session ${before}` : 'no earlier session', after ? `next session ${after}` : 'no later session'].join(', ');
    throw new InputError({ source, field: 'date', value: date, reason: `no session on this date in ${symbol} (${around})` });
  }
  const facts: Fact[] = [];
  const notes: string[] = [];
  for (const d of detectors) {
    const f = d.batch(cols).factsAt(i);
    if (f === null) notes.push(`not enough history for ${d.id}${d.needs ? ` (needs ${d.needs})` : ''}`);
    else facts.push(...f);
  }
  for (const p of periods) {
    const f = periodExtremeFacts(cols, i, p);
    if (f.length === 0) notes.push(`no session in period ${p.label} up to ${date}`);
    // A period that a detector already covered (e.g. last year) is not said twice.
    facts.push(...f.filter((x) => !facts.some((y) => y.type === x.type && y.period === x.period && y.reference?.date === x.reference?.date)));
  }
  if (i > 0) {
    const gap = daysBetween(cols.date(i - 1), date);
    if (gap > GAP_NOTE_DAYS) notes.push(`previous session ${cols.date(i - 1)} is ${gap} calendar days earlier: day-on-day figures span the gap`);
  } else notes.push(`first session in the data: no previous close`);
  return { ...sessionReport(symbol, cols, i, facts), ...(notes.length > 0 ? { notes } : {}) };
}

/**
 * The report of session `i` with the given facts: close, previous close, change (percent), high and low.
 * @example sessionReport('HSTECH', cols, i, facts).changePct // 1.798 for 5,059.38 -> 5,150.35
 */
export function sessionReport(symbol: string, cols: BarColumns, i: number, facts: readonly Fact[]): MilestoneReport {
  const close = cols.close(i);
  const previousClose = i > 0 ? cols.close(i - 1) : null;
  return {
    symbol,
    date: cols.date(i),
    close,
    previousClose,
    changePct: previousClose === null ? null : (close / previousClose - 1) * 100,
    high: cols.high(i),
    low: cols.low(i),
    facts,
  };
}
