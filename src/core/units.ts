/**
 * Nominal types so a session date, a security id and an index code cannot be mixed
 * (lightweight-charts style). Values are plain strings and numbers at run time.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** An exchange session date `YYYY-MM-DD`, in the exchange's own time zone; never shifted by the machine's zone. */
export type SessionDate = Brand<string, 'SessionDate'>;
/** A security id such as `0700.HK`, `HSTECH`, `SPX`. */
export type SecurityId = Brand<string, 'SecurityId'>;
/** An index code such as `HSTECH-R`. */
export type IndexCode = Brand<string, 'IndexCode'>;
/** Milliseconds since the Unix epoch (UTC). */
export type TimeMs = Brand<number, 'TimeMs'>;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isSessionDate(s: string): s is SessionDate {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= dim;
}

/**
 * @throws TypeError when `s` is not a valid `YYYY-MM-DD` date.
 * @example asSessionDate('2025-02-07')
 */
export function asSessionDate(s: string): SessionDate {
  if (!isSessionDate(s)) throw new TypeError(`not a date (YYYY-MM-DD): "${s}"`);
  return s;
}

export const asSecurityId = (s: string): SecurityId => s as SecurityId;
export const asIndexCode = (s: string): IndexCode => s as IndexCode;
export const asTimeMs = (n: number): TimeMs => n as TimeMs;

/** Days between two session dates (calendar days, b - a). */
export function daysBetween(a: SessionDate, b: SessionDate): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/** Adds calendar days to a date, in UTC arithmetic (no time zone can shift it). */
export function addDays(d: SessionDate, n: number): SessionDate {
  const t = Date.parse(`${d}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10) as SessionDate;
}

/** ISO weekday 1 (Monday) .. 7 (Sunday). */
export function isoWeekday(d: SessionDate): number {
  const w = new Date(`${d}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}
