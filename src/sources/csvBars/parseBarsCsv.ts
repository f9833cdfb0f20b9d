import { formatInputIssue, type InputErrorDetails } from '../../core/errors.js';
import { splitLines } from '../../core/splitLines.js';
import { asSecurityId, isSessionDate, type SecurityId, type SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';

/** A plain decimal number (`12`, `-3.5`, `.5`, `1e6`); not `0x10`, `Infinity`, `1_000` or blanks, which Number() would take. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export const BAR_CSV_HEADER = ['date', 'open', 'high', 'low', 'close', 'adj_close', 'volume'] as const;

/** One problem found while parsing; `severity: "error"` lost a row or the file, `"warning"` repaired or kept it. */
export interface ParseIssue extends InputErrorDetails {
  readonly severity: 'error' | 'warning';
  /**
   * What was done: `file rejected`, `row skipped`, `row repaired`, or `row kept` (an implausible but possible bar
   * kept as read, with a warning: screenBars.ts).
   */
  readonly action: 'file rejected' | 'row skipped' | 'row repaired' | 'row kept';
  readonly message: string;
}

export interface ParsedBars {
  readonly symbol: SecurityId;
  readonly source: string;
  /** Good bars, ascending by date. Empty when the file was rejected. */
  readonly bars: Bar[];
  readonly issues: ParseIssue[];
  /** True when the whole file was rejected (nothing of it may be stored). */
  readonly rejected: boolean;
  /** Data rows in the file (non-blank lines after the header), good or bad. */
  readonly rows?: number;
}

/**
 * Parses one bar CSV with header `date,open,high,low,close,adj_close,volume`.
 *
 * Policy (documented in the README):
 * - wrong or missing header, a row with the wrong number of fields, a bad date, a duplicate date or a date
 *   out of order: the **file is rejected** (nothing from it is stored);
 * - a price that is empty, not a number, or not positive; high below low; a negative volume:
 *   the **row is skipped** and reported;
 * - high/low that do not bracket open/close (a known Yahoo artefact): the **row is repaired** by widening
 *   high/low to max/min(open, high, low, close) and reported as a warning;
 * - empty `adj_close`/`volume` are allowed; volume 0 (Yahoo's half days) is read as unknown (null).
 * Numbers must be plain decimals (`1.5`, `2e3`): `0x10`, `Infinity`, `1,234` (quoted) and `null` are not numbers.
 * A byte-order mark, CRLF or CR-only (old Mac) line ends and blank lines (anywhere) are accepted. A duplicate date names the line
 * of its first occurrence.
 *
 * @example parseBarsCsv('date,open,high,low,close,adj_close,volume\n2025-01-02,1,2,1,2,,\n', 'X.csv').bars.length // 1
 */
export function parseBarsCsv(text: string, source: string, symbol?: string): ParsedBars {
  const sym = asSecurityId(symbol ?? symbolFromFileName(source));
  const issues: ParseIssue[] = [];
  const bars: Bar[] = [];
  const reject = (d: Omit<InputErrorDetails, 'source'>): ParsedBars => {
    issues.push(issue({ ...d, source }, 'error', 'file rejected'));
    return { symbol: sym, source, bars: [], issues, rejected: true, rows };
  };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = splitLines(body);
  let rows = 0;
  for (let i = 1; i < lines.length; i++) if ((lines[i] as string).trim() !== '') rows++;
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  if (body.trim() === '') {
    return reject({ line: 1, reason: 'empty file: expected header date,open,high,low,close,adj_close,volume' });
  }
  for (let i = 0; i < BAR_CSV_HEADER.length; i++) {
    const want = BAR_CSV_HEADER[i] as string;
    if (header[i] !== want) {
      const missing = !header.includes(want);
      return reject({
        line: 1,
        field: want,
        value: header[i] ?? '',
        reason: missing
          ? `missing column "${want}": expected header ${BAR_CSV_HEADER.join(',')}`
          : `wrong header: expected ${BAR_CSV_HEADER.join(',')}`,
      });
    }
  }
  if (header.length !== BAR_CSV_HEADER.length) {
    return reject({ line: 1, value: lines[0] ?? '', reason: `wrong header: expected ${BAR_CSV_HEADER.join(',')}` });
  }
  let prevDate: SessionDate | null = null;
  let prevLine = 0;
  for (let li = 1; li < lines.length; li++) {
    const raw = lines[li] as string;
    const line = li + 1;
    if (raw.trim() === '') continue;
    const f = raw.split(',');
    for (let k = 0; k < f.length; k++) f[k] = cleanField(f[k] as string);
    if (f.length !== BAR_CSV_HEADER.length) {
      return reject({ line, value: raw, reason: `expected ${BAR_CSV_HEADER.length} fields, got ${f.length}` });
    }
    const date = f[0] as string;
    if (!isSessionDate(date)) return reject({ line, field: 'date', value: date, reason: 'not a date (YYYY-MM-DD)' });
    if (prevDate !== null && date === prevDate) {
      return reject({ line, field: 'date', value: date, reason: `duplicate date (also on line ${prevLine})` });
    }
    if (prevDate !== null && date < prevDate) {
      return reject({ line, field: 'date', value: date, reason: `date out of order: after ${prevDate}` });
    }
    prevDate = date;
    prevLine = line;
    const px: number[] = [];
    let bad = false;
    for (let k = 1; k <= 4; k++) {
      const name = BAR_CSV_HEADER[k] as string;
      const v = f[k] as string;
      const x = DECIMAL.test(v) ? Number(v) : Number.NaN;
      if (!Number.isFinite(x)) {
        issues.push(issue({ source, line, field: name, value: v, reason: 'not a number' }, 'error', 'row skipped'));
        bad = true;
        break;
      }
      if (x <= 0) {
        issues.push(issue({ source, line, field: name, value: v, reason: 'price must be positive' }, 'error', 'row skipped'));
        bad = true;
        break;
      }
      px.push(x);
    }
    if (bad) continue;
    let [open, high, low, close] = px as [number, number, number, number];
    const adjRaw = f[5] as string;
    const volRaw = f[6] as string;
    let adjClose: number | null = null;
    if (adjRaw !== '') {
      const a = DECIMAL.test(adjRaw) ? Number(adjRaw) : Number.NaN;
      if (!Number.isFinite(a) || a <= 0) {
        issues.push(issue({ source, line, field: 'adj_close', value: adjRaw, reason: 'not a positive number' }, 'error', 'row skipped'));
        continue;
      }
      adjClose = a;
    }
    let volume: number | null = null;
    if (volRaw !== '') {
      const v = DECIMAL.test(volRaw) ? Number(volRaw) : Number.NaN;
      if (!Number.isFinite(v) || v < 0) {
        issues.push(issue({ source, line, field: 'volume', value: volRaw, reason: 'not a non-negative number' }, 'error', 'row skipped'));
        continue;
      }
      volume = v === 0 ? null : v;
    }
    if (high < low) {
      issues.push(issue({ source, line, field: 'high', value: String(high), reason: `high below low ${low}` }, 'error', 'row skipped'));
      continue;
    }
    if (high < Math.max(open, close) || low > Math.min(open, close)) {
      const field = high < Math.max(open, close) ? 'high' : 'low';
      const value = field === 'high' ? high : low;
      issues.push(
        issue(
          { source, line, field, value: String(value), reason: `does not bracket open ${open} and close ${close}; widened` },
          'warning',
          'row repaired',
        ),
      );
      high = Math.max(open, high, close);
      low = Math.min(open, low, close);
    }
    bars.push({ date, open, high, low, close, adjClose, volume });
  }
  return { symbol: sym, source, bars, issues, rejected: false, rows };
}

/** Trims a field and strips one pair of surrounding double quotes; the common clean field is returned as is. */
function cleanField(x: string): string {
  const c0 = x.charCodeAt(0);
  const cN = x.charCodeAt(x.length - 1);
  if (c0 > 32 && c0 !== 34 && cN > 32) return x;
  const t = x.trim();
  return t.length >= 2 && t.charCodeAt(0) === 34 && t.charCodeAt(t.length - 1) === 34 ? t.slice(1, -1) : t;
}

/** `0992.HK.csv` -> `0992.HK`; `dir/HSTECH.csv` -> `HSTECH`. */
export function symbolFromFileName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.csv$/i, '');
}

export function issue(d: InputErrorDetails, severity: ParseIssue['severity'], action: ParseIssue['action']): ParseIssue {
  return { ...d, severity, action, message: `${formatInputIssue(d)} (${action})` };
}
