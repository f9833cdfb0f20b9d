import type { SecurityId, SessionDate } from '../core/units.js';

/** A security's membership of an index: `from` inclusive, `to` exclusive; null means open-ended. */
export interface MembershipInterval {
  readonly symbol: SecurityId;
  readonly name: string;
  readonly from: SessionDate | null;
  readonly to: SessionDate | null;
}

/** True when the interval covers `date`. */
export function isMemberOn(m: MembershipInterval, date: SessionDate): boolean {
  return (m.from === null || m.from <= date) && (m.to === null || date < m.to);
}

/** The members on `date`, in input order. */
export function membersOn(ms: readonly MembershipInterval[], date: SessionDate): MembershipInterval[] {
  return ms.filter((m) => isMemberOn(m, date));
}
