import type { InputErrorDetails } from '../../core/errors.js';
import { asSecurityId, asTimeMs } from '../../core/units.js';
import type { LiveEvent } from '../../realtime/LiveIndexSession.js';

/** A problem in one tick record; the record is skipped, the rest kept. */
export interface TickIssue extends InputErrorDetails {
  readonly message: string;
}

/**
 * `Date.parse` of an ISO 8601 time with an explicit offset (`Z` or `+08:00`); NaN otherwise, and NaN for a day
 * the month does not have (`Date.parse` alone would roll 2025-02-30 into March).
 */
function parseIsoWithOffset(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return Number.NaN;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate())) return Number.NaN;
  return Date.parse(s);
}

/**
 * A time field: epoch milliseconds (number or digits) or ISO 8601 with an offset. Returns NaN when neither
 * (a time without an offset is refused: it would depend on the machine's zone).
 */
export function parseTimeField(v: unknown): number {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : Number.NaN;
  if (typeof v !== 'string') return Number.NaN;
  if (/^\d+$/.test(v)) return Number(v);
  return parseIsoWithOffset(v);
}

const optNumber = (v: unknown): number | undefined | null => {
  if (v === undefined || v === null || v === '') return undefined;
  const x = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isFinite(x) ? x : null;
};

/**
 * Maps one decoded record to a live event, or an issue naming source, line and field.
 * Shape (the documented tick message): `{"type"?: "tick", "symbol": "0700.HK", "timeMs": 1738891800000 | "time":
 * "2025-02-07T09:30:00+08:00", "price": 412.2, "size"?: 100, "seq"?: 17, "corrects"?: 16}`, or
 * `{"type": "halt" | "resume", "symbol", "timeMs" | "time"}`.
 */
export function toLiveEvent(rec: Readonly<Record<string, unknown>>, source: string, line?: number): LiveEvent | TickIssue {
  const bad = (field: string, value: unknown, reason: string): TickIssue => {
    const d: InputErrorDetails = { source, ...(line !== undefined ? { line } : {}), field, value: typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined', reason };
    const where = `${source}${line !== undefined ? `:${line}` : ''}:`;
    return { ...d, message: `${where} field "${field}": value "${String(d.value).slice(0, 80)}" ${reason} (record skipped)` };
  };
  const type = rec.type ?? 'tick';
  if (type !== 'tick' && type !== 'halt' && type !== 'resume') return bad('type', type, 'must be tick, halt or resume');
  const symbol = rec.symbol;
  if (typeof symbol !== 'string' || symbol.trim() === '') return bad('symbol', symbol, 'missing symbol');
  const timeRaw = rec.timeMs ?? rec.time;
  const timeMs = parseTimeField(timeRaw);
  if (!Number.isFinite(timeMs)) return bad(rec.timeMs !== undefined ? 'timeMs' : 'time', timeRaw, 'not epoch ms or ISO 8601 with an offset');
  if (type !== 'tick') return { type, symbol: symbol.trim(), timeMs };
  const price = optNumber(rec.price);
  if (price === undefined || price === null) return bad('price', rec.price, 'not a number');
  if (price <= 0) return bad('price', rec.price, 'price must be positive');
  const size = optNumber(rec.size);
  if (size === null || (size !== undefined && size < 0)) return bad('size', rec.size, 'not a non-negative number');
  const seq = optNumber(rec.seq);
  if (seq === null || (seq !== undefined && !Number.isInteger(seq))) return bad('seq', rec.seq, 'not an integer');
  const corrects = optNumber(rec.corrects);
  if (corrects === null || (corrects !== undefined && !Number.isInteger(corrects))) return bad('corrects', rec.corrects, 'not an integer');
  return {
    symbol: asSecurityId(symbol.trim()),
    timeMs: asTimeMs(timeMs),
    price,
    ...(size !== undefined ? { size } : {}),
    ...(seq !== undefined ? { seq } : {}),
    ...(corrects !== undefined ? { corrects } : {}),
  };
}

/** True when `x` is an issue rather than an event. */
export const isTickIssue = (x: LiveEvent | TickIssue): x is TickIssue => 'reason' in x && 'message' in x;
