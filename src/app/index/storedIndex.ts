import { createHash } from 'node:crypto';
import { asIndexCode, type SecurityId, type SessionDate } from '../../core/units.js';
import type { IndexSession } from '../../domain/indexLevel.js';
import { unionSessions } from '../../engine/calc/unionSessions.js';
import { continueIndex, needsFullRun, type IndexCheckpoint } from '../../engine/continueIndex.js';
import type { BarStore } from '../../store/ports.js';
import { readIndexContext, type IndexContext } from '../buildIndex.js';

export interface StoredIndexOptions {
  /** Methodology YAML. */
  readonly methodologyPath: string;
  /** Membership file overriding the methodology's (else its file, else the store's memberships). */
  readonly membersPath?: string;
  /** Where the store's data came from, for messages. */
  readonly origin?: string;
}

/** What {@link updateStoredIndex} did. */
export interface IndexUpdate {
  readonly code: string;
  /** `state`: continued from the last stored state; `base`: computed from the base date; `current`: nothing new. */
  readonly from: 'state' | 'base' | 'current';
  /** Why a full run was needed (no state, other inputs, a changed past bar, a fitted review). */
  readonly reason?: string;
  /** Sessions computed and stored in this call. */
  readonly sessions: number;
  /** Sessions the store wrote (changed or new): a continued run writes only the new ones. */
  readonly written: number;
  /** The last stored session. */
  readonly last: SessionDate | null;
  readonly issues: readonly string[];
}

/**
 * Brings the stored sessions of a methodology's index up to the store's last bar: from the last stored engine
 * state when it still fits (same methodology, members and reference data, no bar changed on or before its date,
 * no fitted review in between), else from the base date. Sessions (with constituents) and the new state are
 * stored; what depends on the new bars is all that is computed.
 * @throws SourceError / ConfigError from reading the methodology or the store.
 */
export async function updateStoredIndex(market: BarStore, o: StoredIndexOptions): Promise<IndexUpdate> {
  const revision = await market.barRevision();
  const ctx = await readIndexContext(market, o);
  const code = asIndexCode(ctx.methodology.code);
  const fingerprint = fingerprintOf(ctx);
  const symbols = ctx.needed === null ? await market.symbols() : ([...ctx.needed] as SecurityId[]);
  const stored = await market.getIndexState(code);
  let reason: string | undefined;
  let checkpoint: IndexCheckpoint | null = null;
  if (stored === null) reason = 'no stored state';
  else if (stored.fingerprint !== fingerprint) reason = 'methodology, members or reference data changed';
  else if (stored.barRevision === revision) {
    return { code, from: 'current', sessions: 0, written: 0, last: stored.date, issues: [] };
  } else {
    const changed = await market.barChangesSince(stored.barRevision);
    const past = symbols.filter((s) => (changed.get(s) ?? '9999-12-31') <= stored.date);
    if (past.length > 0) reason = `bars on or before ${stored.date} changed (${past.slice(0, 3).join(', ')}${past.length > 3 ? ', ...' : ''})`;
    else checkpoint = JSON.parse(stored.state) as IndexCheckpoint;
  }
  let bars = await market.getBarsMany(symbols, checkpoint === null ? undefined : nextDay(checkpoint.date));
  if (checkpoint !== null && needsFullRun(ctx.methodology, checkpoint.date, unionSessions([...bars.values()]))) {
    reason = 'a fitted review (or its calibration window) lies after the stored state';
    checkpoint = null;
    bars = await market.getBarsMany(symbols);
  }
  const result = continueIndex(ctx.methodology, { ...ctx.input, bars }, checkpoint);
  if (checkpoint === null) await market.deleteIndexSessions(code);
  const w = await market.putIndexSessions(result.sessions);
  if (result.checkpoint !== null) {
    await market.putIndexState({ code, fingerprint, date: result.checkpoint.date, barRevision: revision, state: JSON.stringify(result.checkpoint) });
  }
  return {
    code, from: checkpoint === null ? 'base' : 'state', ...(reason !== undefined && checkpoint === null ? { reason } : {}),
    sessions: result.sessions.length, written: w.written, last: result.checkpoint?.date ?? null, issues: result.issues,
  };
}

/**
 * The stored session of a methodology's index on `date` (brought up to date first), or null when the index has no
 * session that day. What a story reads for member contributions instead of rebuilding the index.
 */
export async function indexSessionOn(market: BarStore, o: StoredIndexOptions & { readonly date: SessionDate }): Promise<IndexSession | null> {
  const u = await updateStoredIndex(market, o);
  const [s] = await market.getIndexSessions(asIndexCode(u.code), o.date, o.date);
  return s ?? null;
}

/** A digest of everything an index depends on besides bars. */
function fingerprintOf(ctx: IndexContext): string {
  const securities = ctx.input.securities ? [...ctx.input.securities.entries()].sort(([a], [b]) => (a < b ? -1 : 1)) : null;
  return createHash('sha256')
    .update(JSON.stringify([ctx.methodologyText, ctx.input.members ?? null, securities, ctx.input.actions ?? null, ctx.input.shareChanges ?? null]))
    .digest('hex');
}

function nextDay(d: SessionDate): SessionDate {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) as SessionDate;
}
