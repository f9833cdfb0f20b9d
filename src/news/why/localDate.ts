/**
 * The calendar date at a UTC offset of an instant: `localDate(Date.parse('2025-02-06T20:00:00Z'), '+08:00')`
 * is `2025-02-07`.
 * @throws RangeError on an offset that is not `+HH:MM` or `-HH:MM`.
 */
export function localDate(ms: number, utcOffset = '+08:00'): string {
  const m = /^([+-])(\d\d):(\d\d)$/.exec(utcOffset);
  if (!m) throw new RangeError(`localDate: bad UTC offset ${utcOffset}`);
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 10);
}
