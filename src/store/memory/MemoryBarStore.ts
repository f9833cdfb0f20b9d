import { asSecurityId, type IndexCode, type SecurityId, type SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { CorporateAction } from '../../domain/corporateAction.js';
import type { IndexSession } from '../../domain/indexLevel.js';
import type { MembershipInterval } from '../../domain/membership.js';
import type { Security } from '../../domain/security.js';
import type { BarStore, StoredIndexState, WriteResult } from '../ports.js';
import { actionKey, compareActions, validateActions } from '../validateActions.js';
import { validateBars } from '../validateBars.js';
import { duplicateSessionKeys } from '../validateSessions.js';
import { refused, stored } from '../writeResult.js';

interface StoredBar {
  readonly bar: Bar;
  readonly source: string;
}

const sameBar = (a: Bar, b: Bar): boolean =>
  a.open === b.open && a.high === b.high && a.low === b.low && a.close === b.close && a.adjClose === b.adjClose && a.volume === b.volume;

const copyBar = (b: Bar): Bar => ({ date: b.date, open: b.open, high: b.high, low: b.low, close: b.close, adjClose: b.adjClose, volume: b.volume });

/**
 * The in-memory twin of the DuckDB store: same contract (test/contracts), no file. For tests and the demo.
 * Returns copies, so callers cannot change what is stored.
 */
export class MemoryBarStore implements BarStore {
  private readonly bars = new Map<SecurityId, Map<SessionDate, StoredBar>>();
  private readonly securities = new Map<SecurityId, string>();
  private readonly memberships = new Map<IndexCode, string>();
  private readonly sessions = new Map<IndexCode, Map<SessionDate, string>>();
  private readonly actions = new Map<string, string>();
  private readonly states = new Map<IndexCode, StoredIndexState>();
  /** One entry per putBars that wrote rows: revision, symbol, earliest date written. */
  private readonly changes: { rev: number; symbol: SecurityId; first: SessionDate }[] = [];
  /** Sorted bars per symbol, rebuilt lazily after a write (reads are far more frequent than writes). */
  private readonly sorted = new Map<SecurityId, Bar[]>();

  async putBars(symbol: SecurityId, bars: readonly Bar[], source: string): Promise<WriteResult> {
    const issues = validateBars(bars, symbol, source);
    if (issues.length > 0) return refused(bars.length, issues);
    let table = this.bars.get(symbol);
    let written = 0;
    let first: SessionDate | null = null;
    for (const b of bars) {
      const old = table?.get(b.date);
      if (old && sameBar(old.bar, b)) continue;
      if (!table) this.bars.set(symbol, (table = new Map()));
      table.set(b.date, { bar: copyBar(b), source });
      if (first === null || b.date < first) first = b.date;
      written++;
    }
    if (first !== null) {
      this.changes.push({ rev: this.changes.length + 1, symbol, first });
      this.sorted.delete(symbol);
    }
    return stored(written, bars.length - written);
  }

  async getBars(symbol: SecurityId, from?: SessionDate, to?: SessionDate): Promise<Bar[]> {
    return this.range(symbol, from, to).map(copyBar);
  }

  async getBarsMany(symbols: readonly SecurityId[], from?: SessionDate, to?: SessionDate): Promise<Map<SecurityId, Bar[]>> {
    const out = new Map<SecurityId, Bar[]>();
    for (const s of new Set(symbols)) {
      const r = this.range(s, from, to);
      if (r.length > 0) out.set(s, r.map(copyBar));
    }
    return out;
  }

  async lastBars(symbols: readonly SecurityId[], on: SessionDate, count: number): Promise<Map<SecurityId, Bar[]>> {
    const out = new Map<SecurityId, Bar[]>();
    for (const s of new Set(symbols)) {
      const r = this.range(s, undefined, on);
      if (r.length > 0 && count > 0) out.set(s, r.slice(Math.max(0, r.length - count)).map(copyBar));
    }
    return out;
  }

  /** Stored bars of `symbol` in the range, ascending (not copied: callers copy). */
  private range(symbol: SecurityId, from?: SessionDate, to?: SessionDate): Bar[] {
    let all = this.sorted.get(symbol);
    if (!all) {
      const table = this.bars.get(symbol);
      if (!table) return [];
      all = [...table.values()].map((s) => s.bar).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      this.sorted.set(symbol, all);
    }
    const lo = from === undefined ? 0 : firstAtOrAfter(all, from);
    const hi = to === undefined ? all.length : firstAfter(all, to);
    return all.slice(lo, hi);
  }

  async symbols(): Promise<SecurityId[]> {
    return [...this.bars.keys()].filter((s) => (this.bars.get(s)?.size ?? 0) > 0).sort();
  }

  async barCounts(): Promise<Array<{ symbol: SecurityId; bars: number; first: SessionDate; last: SessionDate }>> {
    const out = [];
    for (const symbol of await this.symbols()) {
      const dates = [...(this.bars.get(symbol)?.keys() ?? [])].sort();
      out.push({ symbol, bars: dates.length, first: dates[0] as SessionDate, last: dates[dates.length - 1] as SessionDate });
    }
    return out;
  }

  async putSecurities(securities: readonly Security[]): Promise<WriteResult> {
    const issues = securities.filter((s) => !s.id).map((s) => `securities: empty id for "${s.name}"`);
    if (issues.length > 0) return refused(securities.length, issues);
    let written = 0;
    for (const s of securities) {
      const json = JSON.stringify(s);
      if (this.securities.get(s.id) === json) continue;
      this.securities.set(s.id, json);
      written++;
    }
    return stored(written, securities.length - written);
  }

  async getSecurities(): Promise<Security[]> {
    return [...this.securities.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, json]) => JSON.parse(json) as Security);
  }

  async putActions(actions: readonly CorporateAction[], source: string): Promise<WriteResult> {
    const issues = validateActions(actions, source);
    if (issues.length > 0) return refused(actions.length, issues);
    let written = 0;
    for (const a of actions) {
      const json = JSON.stringify(a);
      if (this.actions.get(actionKey(a)) === json) continue;
      this.actions.set(actionKey(a), json);
      written++;
    }
    return stored(written, actions.length - written);
  }

  async getActions(): Promise<CorporateAction[]> {
    return [...this.actions.values()].map((j) => JSON.parse(j) as CorporateAction).sort(compareActions);
  }

  async membershipCodes(): Promise<IndexCode[]> {
    return [...this.memberships.keys()].sort();
  }

  async barRevision(): Promise<number> {
    return this.changes.length;
  }

  async barChangesSince(since: number): Promise<Map<SecurityId, SessionDate>> {
    const out = new Map<SecurityId, SessionDate>();
    for (const c of this.changes) {
      if (c.rev <= since) continue;
      const old = out.get(c.symbol);
      if (old === undefined || c.first < old) out.set(c.symbol, c.first);
    }
    return out;
  }

  async putMemberships(code: IndexCode, members: readonly MembershipInterval[], _source: string): Promise<WriteResult> {
    const json = JSON.stringify(members.map((m) => ({ symbol: m.symbol, name: m.name, from: m.from, to: m.to })));
    if (this.memberships.get(code) === json) return stored(0, members.length);
    this.memberships.set(code, json);
    return stored(members.length, 0);
  }

  async getMemberships(code: IndexCode): Promise<MembershipInterval[]> {
    const json = this.memberships.get(code);
    return json === undefined ? [] : (JSON.parse(json) as MembershipInterval[]).map((m) => ({ ...m, symbol: asSecurityId(m.symbol) }));
  }

  async putIndexSessions(sessions: readonly IndexSession[]): Promise<WriteResult> {
    const issues = duplicateSessionKeys(sessions);
    if (issues.length > 0) return refused(sessions.length, issues);
    let written = 0;
    const staged = sessions.map((s) => [s, JSON.stringify(s)] as const);
    for (const [s, json] of staged) {
      let table = this.sessions.get(s.code);
      if (table?.get(s.date) === json) continue;
      if (!table) this.sessions.set(s.code, (table = new Map()));
      table.set(s.date, json);
      written++;
    }
    return stored(written, sessions.length - written);
  }

  async getIndexSessions(code: IndexCode, from?: SessionDate, to?: SessionDate): Promise<IndexSession[]> {
    const table = this.sessions.get(code);
    if (!table) return [];
    return [...table.entries()]
      .filter(([d]) => (from === undefined || d >= from) && (to === undefined || d <= to))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, json]) => JSON.parse(json) as IndexSession);
  }

  async deleteIndexSessions(code: IndexCode, from?: SessionDate): Promise<number> {
    const table = this.sessions.get(code);
    if (!table) return 0;
    let n = 0;
    for (const d of [...table.keys()]) {
      if (from === undefined || d >= from) {
        table.delete(d);
        n++;
      }
    }
    return n;
  }

  async putIndexState(state: StoredIndexState): Promise<void> {
    this.states.set(state.code, { ...state });
  }

  async getIndexState(code: IndexCode): Promise<StoredIndexState | null> {
    const s = this.states.get(code);
    return s ? { ...s } : null;
  }

  async close(): Promise<void> {}
}

/** Index of the first bar with date >= d (bars ascending). */
function firstAtOrAfter(bars: readonly Bar[], d: SessionDate): number {
  let lo = 0, hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((bars[mid] as Bar).date < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first bar with date > d (bars ascending). */
function firstAfter(bars: readonly Bar[], d: SessionDate): number {
  let lo = 0, hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((bars[mid] as Bar).date <= d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
