import { ConfigError } from '../../core/errors.js';
import { isoWeekday, type SessionDate } from '../../core/units.js';
import type { Methodology } from '../../domain/methodology.js';

const DAY = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The base date must be a session the index can be priced at: every level is measured from the base session's
 * close, so a base date that is not one would silently move to the next session and shift every level.
 * A base date that is one of the data's sessions is accepted. Otherwise refused: a Saturday or Sunday; a date after the last session in the data (no level could be computed); a
 * weekday inside the data that is not one of its sessions (a holiday). A base date before the first session is
 * left to the engine (it starts at the first session and says so).
 * @throws ConfigError naming the methodology, the field and the nearest sessions.
 */
export function checkBaseDate(m: Methodology, sessions: readonly SessionDate[]): void {
  if (sessions.length === 0) return;
  const base = m.baseDate;
  const first = sessions[0] as SessionDate;
  const last = sessions[sessions.length - 1] as SessionDate;
  const fail = (reason: string) => {
    throw new ConfigError({ source: `methodology ${m.code}`, field: 'baseDate', value: base, reason });
  };
  if (sessions.includes(base)) return; // a session of the data (whatever its weekday: the engine knows no calendar)
  const next = sessions.find((d) => d > base);
  const wd = isoWeekday(base);
  if (wd >= 6) fail(`a ${DAY[wd]}, not a session: the index is based on a session's close${next !== undefined ? ` (the next session in the data is ${next})` : ''}`);
  if (base > last) fail(`after the last session in the data (${last}): no level can be computed`);
  if (base >= first && !sessions.includes(base)) {
    fail(`not a session in the data (a holiday?): the index is based on a session's close (the next session in the data is ${next ?? last})`);
  }
}
