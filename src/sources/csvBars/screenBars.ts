import { isoWeekday, type SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import { issue, type ParsedBars, type ParseIssue } from './parseBarsCsv.js';

/** The first year a bar may be dated (DuckDB would store year 0000 as "0001-01-03 (BC)"). */
export const FIRST_BAR_YEAR = 1900;
/** Prices outside [MIN_PRICE, MAX_PRICE] are refused: no listed security trades there, and 1e308 or 1e-300 overflow ratios. */
export const MIN_PRICE = 1e-6;
export const MAX_PRICE = 1e9;
/** A close at least this many times (or at most 1/this) the previous close, with no corporate action, is kept with a warning. */
export const JUMP_RATIO = 10;

export interface ScreenOptions {
  /** Today in the exchange's zone (a bar after it is in the future). */
  readonly today: SessionDate;
  /** Why the exchange was closed on a weekday `date` (a holiday name), or null when it traded; omitted: not checked. */
  readonly closedReason?: (date: SessionDate) => string | null;
  /** Ex-dates of the symbol's corporate actions: a jump on one of them is explained. */
  readonly actionDates?: ReadonlySet<string>;
  /** The line of a bar in its file, for messages (found lazily: only when there is something to say). */
  readonly lineOf?: (date: SessionDate) => number | undefined;
}

const WEEKDAY = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The plausibility screen every reader applies to parsed bars (import, `--data`, milestones, movers, event study).
 * The rule (docs/hostile-input.md):
 * - **refused** (row skipped, reported): a date before 1900 (year 0000...), after `today`, or on a Saturday or
 *   Sunday (no exchange Indexwire knows trades then); an open, high, low or close outside [1e-6, 1e9];
 * - **kept with a warning** (`row kept`): a weekday the exchange calendar says was closed (a holiday: the calendar
 *   may lack a special session, so the bar is kept), and a close 10x (or 1/10) the previous kept close on a date
 *   with no corporate action of the symbol. Readers that report facts (milestones) name every kept-with-warning
 *   session they used.
 * Pure; returns `parsed` itself when nothing is wrong.
 * @example screenBars(parseBarsCsv(text, 'X.csv'), { today: '2025-02-07' }).issues
 */
export function screenBars(parsed: ParsedBars, o: ScreenOptions): ParsedBars {
  if (parsed.rejected || parsed.bars.length === 0) return parsed;
  const source = parsed.source;
  const found: ParseIssue[] = [];
  const kept: Bar[] = [];
  const line = (d: SessionDate) => o.lineOf?.(d);
  const at = (d: SessionDate) => {
    const l = line(d);
    return l === undefined ? { source: `${source}: ${d}` } : { source, line: l };
  };
  let prevClose: number | null = null;
  let prevDate: SessionDate | null = null;
  for (const b of parsed.bars) {
    const d = b.date;
    const skip = (field: string, value: string, reason: string) => found.push(issue({ ...at(d), field, value, reason }, 'error', 'row skipped'));
    if (Number(d.slice(0, 4)) < FIRST_BAR_YEAR) {
      skip('date', d, `before ${FIRST_BAR_YEAR}: not a market session`);
      continue;
    }
    if (d > o.today) {
      skip('date', d, 'in the future: after today');
      continue;
    }
    const wd = isoWeekday(d);
    if (wd >= 6) {
      skip('date', d, `a ${WEEKDAY[wd]}: no exchange trades then`);
      continue;
    }
    const outOfRange = (['open', 'high', 'low', 'close'] as const).find((k) => !(b[k] >= MIN_PRICE && b[k] <= MAX_PRICE));
    if (outOfRange !== undefined) {
      skip(outOfRange, String(b[outOfRange]), `outside the plausible price range [${MIN_PRICE}, ${MAX_PRICE}]`);
      continue;
    }
    const closed = o.closedReason?.(d) ?? null;
    if (closed !== null) {
      found.push(issue({ ...at(d), field: 'date', value: d, reason: `the exchange was closed (${closed}): kept, check the data` }, 'warning', 'row kept'));
    }
    if (prevClose !== null && prevDate !== null && !(o.actionDates?.has(d) ?? false)) {
      const r = b.close / prevClose;
      if (r >= JUMP_RATIO || r <= 1 / JUMP_RATIO) {
        found.push(
          issue(
            { ...at(d), field: 'close', value: String(b.close), reason: `close on ${d} is ${formatRatio(r)} the previous close ${prevClose} (${prevDate}) with no corporate action: kept, check the data` },
            'warning',
            'row kept',
          ),
        );
      }
    }
    prevClose = b.close;
    prevDate = d;
    kept.push(b);
  }
  if (found.length === 0) return parsed;
  return { ...parsed, bars: kept, issues: [...parsed.issues, ...found] };
}

function formatRatio(r: number): string {
  return r >= 1 ? `${Number(r.toPrecision(3))}x` : `1/${Number((1 / r).toPrecision(3))} of`;
}

/** The dates of bars kept with a warning (`row kept` issues), each with its message. */
export function keptWithWarning(parsed: ParsedBars): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of parsed.issues) {
    if (i.action !== 'row kept') continue;
    const d = i.field === 'date' ? i.value : /close on (\d{4}-\d{2}-\d{2})/.exec(i.message)?.[1];
    if (d !== undefined) out.set(d, i.message);
  }
  return out;
}

/** Today's date (UTC, plus one day: an exchange east of Greenwich is a day ahead), the future's first excluded day minus one. */
export function todayForScreening(nowMs: number): SessionDate {
  return new Date(nowMs + 86_400_000).toISOString().slice(0, 10) as SessionDate;
}

/** `lineOf` for a bar CSV's text: the 1-based line of the row of each date (built on first use). */
export function lineIndex(text: string): (date: SessionDate) => number | undefined {
  let map: Map<string, number> | null = null;
  return (date) => {
    if (map === null) {
      map = new Map();
      const lines = text.split(/\r\n|\r|\n/);
      for (let i = 1; i < lines.length; i++) {
        const l = lines[i] as string;
        const c = l.indexOf(',');
        const key = (c < 0 ? l : l.slice(0, c)).trim().replace(/^"|"$/g, '');
        if (!map.has(key)) map.set(key, i + 1);
      }
    }
    return map.get(date);
  };
}
