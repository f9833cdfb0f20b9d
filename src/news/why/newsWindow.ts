import type { SessionDate } from '../../core/units.js';

/** A span of publication times, ms since the epoch, both ends included, with its ISO ends for reports. */
export interface NewsWindow {
  readonly fromMs: number;
  readonly toMs: number;
  readonly from: string;
  readonly to: string;
}

/**
 * `news why`'s window: from 00:00 local time on the previous session's date to 23:59:59 on the session's date
 * (news of a weekend or holiday before the session included).
 * @example sessionNewsWindow('2025-02-20', '2025-02-21').from // '2025-02-20T00:00:00+08:00'
 */
export function sessionNewsWindow(previousSession: SessionDate, session: SessionDate, utcOffset = '+08:00'): NewsWindow {
  const from = `${previousSession}T00:00:00${utcOffset}`;
  const to = `${session}T23:59:59${utcOffset}`;
  return { fromMs: Date.parse(from), toMs: Date.parse(`${session}T23:59:59.999${utcOffset}`), from, to };
}

/** How many sessions before the story's own the theme window reaches back (docs/stories.md, "The catalyst"). */
export const THEME_SESSIONS_BACK = 5;

/**
 * The story's news window for themes and the catalyst: from 00:00 local time on the date of the session
 * `sessionsBack` sessions before `session` to the story's publication time. With the default of 5 that is the
 * story's session and the five before it, a trading week and a day, with the weekends and holidays between.
 * `sessions` are the series' session dates, ascending; the session must be one of them.
 * @example themeNewsWindow(['2025-01-27','2025-01-28','2025-02-03','2025-02-04','2025-02-05','2025-02-06','2025-02-07'],
 *   '2025-02-07', '2025-02-07 16:10:00').from // '2025-01-28T00:00:00+08:00'
 * @throws RangeError when `session` is not in `sessions`.
 */
export function themeNewsWindow(
  sessions: readonly string[],
  session: SessionDate,
  publishedLocal: string,
  sessionsBack = THEME_SESSIONS_BACK,
  utcOffset = '+08:00',
): NewsWindow & { readonly sessions: readonly string[] } {
  const i = sessions.lastIndexOf(session);
  if (i < 0) throw new RangeError(`themeNewsWindow: ${session} is not a session`);
  const firstIndex = Math.max(0, i - sessionsBack);
  const from = `${sessions[firstIndex]}T00:00:00${utcOffset}`;
  const to = `${publishedLocal.replace(' ', 'T')}${utcOffset}`;
  return { fromMs: Date.parse(from), toMs: Date.parse(to), from, to, sessions: sessions.slice(firstIndex, i + 1) };
}

/**
 * How many sessions before the story's session an article was published: 0 on the session's date, 1 from the
 * previous session's date up to the day before the session's (so weekend news counts as the Friday's), and so on.
 * `windowSessions` are the window's session dates, ascending, the story's last; `localDate` is the article's
 * local publication date.
 * @example sessionsBackOf(['2025-02-05','2025-02-06','2025-02-07'], '2025-02-05') // 2
 */
export function sessionsBackOf(windowSessions: readonly string[], localDate: string): number {
  const last = windowSessions.length - 1;
  for (let k = last; k >= 0; k--) if ((windowSessions[k] as string) <= localDate) return last - k;
  return last;
}
