import { ConfigError } from '../core/errors.js';
import type { IndexCode, SecurityId, SessionDate } from '../core/units.js';
import type { IndexSession } from '../domain/indexLevel.js';

/** One member of a live index: units held by the index and the price the day's move is measured from. */
export interface LiveMember {
  readonly symbol: SecurityId;
  /** Index shares (units of the security held by the index), fixed for the session. */
  readonly indexShares: number;
  /** Previous close in the security's currency (adjusted for today's corporate actions). */
  readonly previousClose: number;
}

/** The index state a live session starts from: the engine's last review, at the previous close. */
export interface LiveIndexState {
  readonly code: IndexCode;
  /** The session being computed live. */
  readonly sessionDate: SessionDate;
  /** Index divisor (level = Σ indexShares × price / divisor). */
  readonly divisor: number;
  readonly members: readonly LiveMember[];
}

/**
 * The live state for `sessionDate` from the engine's output for the previous session: same index shares and
 * divisor, previous close = that session's price.
 * @example liveStateFromIndexSession(eodSession, asSessionDate('2025-02-07')).members.length // 30
 */
export function liveStateFromIndexSession(previous: IndexSession, sessionDate: SessionDate): LiveIndexState {
  return validateLiveState({
    code: previous.code,
    sessionDate,
    divisor: previous.divisor,
    members: previous.constituents.map((c) => ({ symbol: c.symbol, indexShares: c.indexShares, previousClose: c.price })),
  }, `engine session ${previous.code} ${previous.date}`);
}

/**
 * Checks a state before a calculator is built on it.
 * @throws ConfigError on a non-positive or non-finite divisor, shares or previous close, or a repeated symbol.
 */
export function validateLiveState(state: LiveIndexState, source: string): LiveIndexState {
  if (!(Number.isFinite(state.divisor) && state.divisor > 0)) {
    throw new ConfigError({ source, field: 'divisor', value: String(state.divisor), reason: 'must be a positive number' });
  }
  if (state.members.length === 0) throw new ConfigError({ source, field: 'members', reason: 'an index needs at least one member' });
  const seen = new Set<string>();
  state.members.forEach((m, i) => {
    if (seen.has(m.symbol)) throw new ConfigError({ source, field: `members[${i}].symbol`, value: m.symbol, reason: 'repeated symbol' });
    seen.add(m.symbol);
    if (!(Number.isFinite(m.indexShares) && m.indexShares > 0)) {
      throw new ConfigError({ source, field: `members[${i}].indexShares`, value: String(m.indexShares), reason: 'must be a positive number' });
    }
    if (!(Number.isFinite(m.previousClose) && m.previousClose > 0)) {
      throw new ConfigError({ source, field: `members[${i}].previousClose`, value: String(m.previousClose), reason: 'must be a positive number' });
    }
  });
  return state;
}

/** The level at the previous close: Σ indexShares × previousClose / divisor (index points). */
export function previousCloseLevel(state: LiveIndexState): number {
  let sum = 0;
  for (const m of state.members) sum += m.indexShares * m.previousClose;
  return sum / state.divisor;
}

/**
 * A stand-in state when no engine output is at hand: equal weights at the previous close, scaled so the level
 * at the previous close is `previousLevel` (divisor 1, indexShares_i = previousLevel / N / previousClose_i).
 * @throws ConfigError on an empty member list, a non-positive close or level.
 * @example equalWeightLiveState(code, date, [{symbol: A, previousClose: 100}, {symbol: B, previousClose: 50}], 1000).members[1].indexShares // 10
 */
export function equalWeightLiveState(
  code: IndexCode,
  sessionDate: SessionDate,
  closes: readonly { readonly symbol: SecurityId; readonly previousClose: number }[],
  previousLevel: number,
): LiveIndexState {
  if (!(Number.isFinite(previousLevel) && previousLevel > 0)) {
    throw new ConfigError({ source: `equal-weight state ${code}`, field: 'previousLevel', value: String(previousLevel), reason: 'must be a positive number' });
  }
  const n = closes.length;
  return validateLiveState({
    code,
    sessionDate,
    divisor: 1,
    members: closes.map((c) => ({ symbol: c.symbol, previousClose: c.previousClose, indexShares: previousLevel / n / c.previousClose })),
  }, `equal-weight state ${code}`);
}
