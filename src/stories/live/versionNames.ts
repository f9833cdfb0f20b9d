/** Hong Kong's UTC offset in minutes (no daylight saving). */
export const HK_UTC_OFFSET_MIN = 480;

/**
 * Local wall time of an instant at a fixed UTC offset, `YYYY-MM-DD HH:MM:SS` (front matter `date`).
 * Pure: the offset is an argument, never the machine's zone.
 * @example localTime(Date.UTC(2025, 1, 7, 2, 0, 46), 480) // '2025-02-07 10:00:46'
 */
export function localTime(timeMs: number, utcOffsetMin = HK_UTC_OFFSET_MIN): string {
  return new Date(timeMs + utcOffsetMin * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The stem of one version's files: the story's slug and the version's local time, `hstech-2025-02-07-100046`
 * (files `<stem>.en.md`, `<stem>.zh-Hant.md`, `<stem>.ledger.json`). Versions of one session sort by time.
 * @example versionStem('hstech-2025-02-07', Date.UTC(2025, 1, 7, 2, 0, 46)) // 'hstech-2025-02-07-100046'
 */
export function versionStem(slug: string, timeMs: number, utcOffsetMin = HK_UTC_OFFSET_MIN): string {
  return `${slug}-${localTime(timeMs, utcOffsetMin).slice(11).replace(/:/g, '')}`;
}
