import { DateTime } from 'luxon';
import { isSessionDate } from '../../core/units.js';

const RFC3339 = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:[+-](?:[01]\d|2[0-3]):[0-5]\d|Z)$/;

export interface PublishedDate {
  /** ISO 8601 with offset, e.g. `2025-02-07T16:10:53+08:00` (no milliseconds unless written). */
  readonly publishedAt: string;
  /** The same instant, ms since the epoch (UTC). */
  readonly publishedMs: number;
  /** The text exactly as written in the source. */
  readonly publishedAtText: string;
  /** Set when the text had no offset and `assumeZone` was applied (IANA name). */
  readonly timeZoneAssumed?: string;
  /** Set when the date was kept despite a slip, e.g. a weekday that does not match the date. */
  readonly warning?: string;
}

const WEEKDAY = /^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+/i;

/**
 * Parses a publication date as sources write it, keeping its offset:
 * ISO 8601 / RFC 3339 (`2024-10-04T10:05:00+08:00`, `...Z`), the space form (`2025-02-07 16:10:53`),
 * date only (`2025-02-07`, midnight), RFC 2822 as in RSS (`Fri, 07 Feb 2025 08:01:00 +0800` or `GMT`),
 * and HTTP dates.
 * Rule for text without an offset: it is read as wall time in `assumeZone` (an IANA zone), and
 * `timeZoneAssumed` says so. Callers pass the source's zone when known, else the desk default
 * (Asia/Hong_Kong, see docs/news-ingest.md).
 * A wrong weekday ("Sat, 01 Jan 2010", a Friday) keeps the date, with `warning` set.
 * @example parsePublishedDate('2025-02-07 16:10:53', 'Asia/Hong_Kong').publishedAt // '2025-02-07T16:10:53+08:00'
 * @throws RangeError when the text is not a date in one of these forms (message says why).
 */
export function parsePublishedDate(text: string, assumeZone: string): PublishedDate {
  try {
    return parseExact(text, assumeZone);
  } catch (e) {
    // "Sat, 01 Jan 2010" (a Friday): the date is clear, the weekday is a slip; keep the date and say so
    if (!WEEKDAY.test(text) || !/weekday/.test((e as Error).message)) throw e;
    const d = parseExact(text.replace(WEEKDAY, ''), assumeZone);
    return { ...d, publishedAtText: text.trim(), warning: `weekday "${WEEKDAY.exec(text)?.[1]}" does not match ${d.publishedAt.slice(0, 10)}; the date was kept` };
  }
}

function parseExact(text: string, assumeZone: string): PublishedDate {
  const raw = text.trim();
  if (raw === '') throw new RangeError('empty date');
  // fast path for the common RFC 3339 form with seconds and an offset (RTHK): no library needed
  const m = RFC3339.exec(raw);
  if (m && isSessionDate(m[1] ?? '')) {
    const ms = Date.parse(raw);
    if (Number.isFinite(ms)) return { publishedAt: raw.replace(/(?:\+00:00|z)$/i, 'Z'), publishedMs: ms, publishedAtText: raw };
  }
  // an hour-only offset (+08) counts only after a time, so a date alone ("2025-02-07") is not read as one
  const hasOffset = /(?:[zZ]|[+-]\d{2}:?\d{2}|[T ]\d{2}(?::\d{2}){1,2}(?:\.\d+)?[+-]\d{2}|\b(?:GMT|UTC|UT|EST|EDT|CST|CDT|MST|MDT|PST|PDT))$/.test(raw);
  const opts = hasOffset ? { setZone: true } : { zone: assumeZone };
  const candidates = [
    () => DateTime.fromISO(raw.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2').replace(/ ([+-]\d{2}:?\d{2}|Z)$/, '$1'), opts),
    () => DateTime.fromRFC2822(raw, opts),
    () => DateTime.fromHTTP(raw, opts),
    () => DateTime.fromFormat(raw, 'yyyy/MM/dd HH:mm:ss', opts),
    () => DateTime.fromFormat(raw, 'yyyy/MM/dd', opts),
  ];
  let dt: DateTime | null = null;
  let why = 'not a date';
  for (const c of candidates) {
    const d = c();
    if (d.isValid) {
      dt = d;
      break;
    }
    if (d.invalidExplanation && /unparsable|unsupported zone/.test(d.invalidReason ?? '') === false) why = d.invalidExplanation;
  }
  if (!dt) throw new RangeError(why === 'not a date' ? 'not a date (expected ISO 8601 or RFC 2822)' : why);
  if (!hasOffset && !dt.zone.isValid) throw new RangeError(`unknown time zone "${assumeZone}"`);
  const publishedAt = dt.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '';
  const base = { publishedAt: publishedAt.replace(/\+00:00$/, 'Z'), publishedMs: dt.toMillis(), publishedAtText: raw };
  return hasOffset ? base : { ...base, timeZoneAssumed: assumeZone };
}
