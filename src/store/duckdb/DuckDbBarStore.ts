import { listValue } from '@duckdb/node-api';
import { asSecurityId, type IndexCode, type SecurityId, type SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { CorporateAction } from '../../domain/corporateAction.js';
import type { IndexSession } from '../../domain/indexLevel.js';
import type { MembershipInterval } from '../../domain/membership.js';
import type { Security } from '../../domain/security.js';
import type { BarStore, StoredIndexState, WriteResult } from '../ports.js';
import { compareActions, validateActions } from '../validateActions.js';
import { validateBars } from '../validateBars.js';
import { duplicateSessionKeys } from '../validateSessions.js';
import { refused, stored } from '../writeResult.js';
import { DuckDbConnection, type Row } from './DuckDbConnection.js';
import { ensureBarSchema } from './schema.js';
import { BAR_CHUNK_COLUMNS, readBarChunks } from './readBarChunks.js';

const SAME_BAR = `b.symbol = s.symbol AND b.date = CAST(s.date AS DATE) AND b.open = s.open AND b.high = s.high
  AND b.low = s.low AND b.close = s.close AND b.adj_close IS NOT DISTINCT FROM s.adj_close
  AND b.volume IS NOT DISTINCT FROM s.volume`;

/**
 * The {@link BarStore} on a DuckDB file (`@duckdb/node-api`). Bars go through an appender into a temp staging
 * table; a new symbol is copied in with one `INSERT`, a known one is merged (rows identical to the stored ones are
 * skipped, changed dates deleted and re-inserted), all inside one transaction: a failed batch writes nothing,
 * and re-importing identical rows writes 0. One process owns the file (DuckDB's lock).
 * @example const store = await DuckDbBarStore.open('indexwire.duckdb'); await store.symbols(); await store.close();
 */
export class DuckDbBarStore implements BarStore {
  private symbolCache: Set<string> | null = null;
  private constructor(readonly db: DuckDbConnection) {}

  /** Opens or creates the file (`:memory:` for a throwaway). @throws SourceError when locked or unreadable. */
  static async open(path: string): Promise<DuckDbBarStore> {
    const db = await DuckDbConnection.open(path);
    try {
      await ensureBarSchema(db);
    } catch (e) {
      await db.close();
      throw e;
    }
    return new DuckDbBarStore(db);
  }

  async putBars(symbol: SecurityId, bars: readonly Bar[], source: string): Promise<WriteResult> {
    const issues = validateBars(bars, symbol, source);
    if (issues.length > 0) return refused(bars.length, issues);
    if (bars.length === 0) return stored(0, 0);
    const result = await this.db.transaction(async () => {
      await this.db.run('DELETE FROM stage_bars');
      const app = await this.db.appender('stage_bars', true);
      try {
        for (const b of bars) {
          app.appendVarchar(symbol);
          app.appendVarchar(b.date);
          app.appendDouble(b.open);
          app.appendDouble(b.high);
          app.appendDouble(b.low);
          app.appendDouble(b.close);
          if (b.adjClose === null) app.appendNull();
          else app.appendDouble(b.adjClose);
          if (b.volume === null) app.appendNull();
          else app.appendDouble(b.volume);
          app.appendVarchar(source);
          app.endRow();
        }
        app.flushSync();
      } finally {
        app.closeSync();
      }
      const known = await this.knownSymbols();
      let skipped = 0;
      if (!known.has(symbol)) {
        await this.db.run(`INSERT INTO bars SELECT symbol, CAST(date AS DATE), open, high, low, close, adj_close, volume, source
          FROM stage_bars`);
        await this.recordChange(symbol, 'SELECT min(date) FROM stage_bars');
      } else {
        await this.db.run(`CREATE OR REPLACE TEMP TABLE stage_same AS SELECT s.date FROM stage_bars s
          JOIN (SELECT * FROM bars WHERE symbol = $1) b ON ${SAME_BAR}`, [symbol]);
        const [same] = await this.db.all<{ n: number }>('SELECT count(*) AS n FROM stage_same');
        skipped = same?.n ?? 0;
        if (skipped < bars.length) {
          await this.db.run(`DELETE FROM bars WHERE symbol = $1 AND date IN
            (SELECT CAST(date AS DATE) FROM stage_bars WHERE date NOT IN (SELECT date FROM stage_same))`, [symbol]);
          await this.db.run(`INSERT INTO bars SELECT symbol, CAST(date AS DATE), open, high, low, close, adj_close, volume, source
            FROM stage_bars WHERE date NOT IN (SELECT date FROM stage_same)`);
          await this.recordChange(symbol, 'SELECT min(date) FROM stage_bars WHERE date NOT IN (SELECT date FROM stage_same)');
        }
      }
      return stored(bars.length - skipped, skipped);
    });
    (await this.knownSymbols()).add(symbol); // after COMMIT: a rolled-back batch leaves the set unchanged
    return result;
  }

  /** Records a bar write (next revision, symbol, earliest date written) inside the running transaction. */
  private async recordChange(symbol: SecurityId, firstDateSql: string): Promise<void> {
    await this.db.run(`INSERT INTO bar_changes SELECT (SELECT coalesce(max(rev), 0) + 1 FROM bar_changes), $1, CAST((${firstDateSql}) AS DATE)`, [symbol]);
  }

  /** Symbols with bars, loaded once per open (this store is the only writer of its file). */
  private async knownSymbols(): Promise<Set<string>> {
    this.symbolCache ??= new Set((await this.db.all('SELECT DISTINCT symbol FROM bars')).map((r) => r.symbol as string));
    return this.symbolCache;
  }

  async getBars(symbol: SecurityId, from?: SessionDate, to?: SessionDate): Promise<Bar[]> {
    return (await this.getBarsMany([symbol], from, to)).get(symbol) ?? [];
  }

  async getBarsMany(symbols: readonly SecurityId[], from?: SessionDate, to?: SessionDate): Promise<Map<SecurityId, Bar[]>> {
    if (symbols.length === 0) return new Map();
    const list = [...new Set(symbols)];
    return readBarChunks(this.db,
      `SELECT ${BAR_CHUNK_COLUMNS} FROM bars
       WHERE symbol IN (SELECT unnest($1::VARCHAR[])) AND date >= CAST($2 AS DATE) AND date <= CAST($3 AS DATE)
       ORDER BY symbol, date`,
      list, [listValue(list), from ?? '0001-01-01', to ?? '9999-12-31']);
  }

  async lastBars(symbols: readonly SecurityId[], on: SessionDate, count: number): Promise<Map<SecurityId, Bar[]>> {
    if (symbols.length === 0 || count <= 0) return new Map();
    const list = [...new Set(symbols)];
    return readBarChunks(this.db,
      `SELECT ${BAR_CHUNK_COLUMNS} FROM (
         SELECT *, row_number() OVER (PARTITION BY symbol ORDER BY date DESC) AS rn FROM bars
         WHERE symbol IN (SELECT unnest($1::VARCHAR[])) AND date <= CAST($2 AS DATE))
       WHERE rn <= $3 ORDER BY symbol, date`,
      list, [listValue(list), on, count]);
  }

  async symbols(): Promise<SecurityId[]> {
    const rows = await this.db.all('SELECT DISTINCT symbol FROM bars ORDER BY symbol');
    return rows.map((r) => asSecurityId(r.symbol as string));
  }

  async barCounts(): Promise<Array<{ symbol: SecurityId; bars: number; first: SessionDate; last: SessionDate }>> {
    const rows = await this.db.all(`SELECT symbol, count(*) AS n, CAST(min(date) AS VARCHAR) AS first,
      CAST(max(date) AS VARCHAR) AS last FROM bars GROUP BY symbol ORDER BY symbol`);
    return rows.map((r) => ({
      symbol: asSecurityId(r.symbol as string),
      bars: r.n as number,
      first: r.first as SessionDate,
      last: r.last as SessionDate,
    }));
  }

  async putSecurities(securities: readonly Security[]): Promise<WriteResult> {
    const issues = securities.filter((s) => !s.id).map((s) => `securities: empty id for "${s.name}"`);
    if (issues.length > 0) return refused(securities.length, issues);
    return this.db.transaction(async () => {
      let written = 0;
      for (const s of securities) {
        const json = JSON.stringify(s);
        const [old] = await this.db.all('SELECT json FROM securities WHERE id = $1', [s.id]);
        if (old?.json === json) continue;
        await this.db.run('INSERT OR REPLACE INTO securities VALUES ($1, $2, $3, $4, $5, $6)', [
          s.id, s.kind, s.name, s.currency, s.exchange, json,
        ]);
        written++;
      }
      return stored(written, securities.length - written);
    });
  }

  async getSecurities(): Promise<Security[]> {
    const rows = await this.db.all('SELECT json FROM securities ORDER BY id');
    return rows.map((r) => JSON.parse(r.json as string) as Security);
  }

  async putActions(actions: readonly CorporateAction[], source: string): Promise<WriteResult> {
    const issues = validateActions(actions, source);
    if (issues.length > 0) return refused(actions.length, issues);
    if (actions.length === 0) return stored(0, 0);
    return this.db.transaction(async () => {
      let written = 0;
      for (const a of actions) {
        const json = JSON.stringify(a);
        const [old] = await this.db.all('SELECT json FROM corporate_actions WHERE symbol = $1 AND ex_date = CAST($2 AS DATE) AND kind = $3', [a.symbol, a.exDate, a.kind]);
        if (old?.json === json) continue;
        await this.db.run('INSERT OR REPLACE INTO corporate_actions VALUES ($1, CAST($2 AS DATE), $3, $4, $5)', [a.symbol, a.exDate, a.kind, json, source]);
        written++;
      }
      return stored(written, actions.length - written);
    });
  }

  async getActions(): Promise<CorporateAction[]> {
    const rows = await this.db.all('SELECT json FROM corporate_actions');
    return rows.map((r) => JSON.parse(r.json as string) as CorporateAction).sort(compareActions);
  }

  async membershipCodes(): Promise<IndexCode[]> {
    const rows = await this.db.all('SELECT DISTINCT code FROM memberships ORDER BY code');
    return rows.map((r) => r.code as IndexCode);
  }

  async barRevision(): Promise<number> {
    const [r] = await this.db.all<{ n: number }>('SELECT coalesce(max(rev), 0) AS n FROM bar_changes');
    return r?.n ?? 0;
  }

  async barChangesSince(since: number): Promise<Map<SecurityId, SessionDate>> {
    const rows = await this.db.all(
      'SELECT symbol, CAST(min(first_date) AS VARCHAR) AS first FROM bar_changes WHERE rev > $1 GROUP BY symbol ORDER BY symbol', [since]);
    return new Map(rows.map((r) => [asSecurityId(r.symbol as string), r.first as SessionDate]));
  }

  async putMemberships(code: IndexCode, members: readonly MembershipInterval[], source: string): Promise<WriteResult> {
    const norm = (ms: readonly MembershipInterval[]): string =>
      JSON.stringify(ms.map((m) => [m.symbol, m.name, m.from, m.to]));
    if (norm(await this.getMemberships(code)) === norm(members)) return stored(0, members.length);
    return this.db.transaction(async () => {
      await this.db.run('DELETE FROM memberships WHERE code = $1', [code]);
      let seq = 0;
      for (const m of members) {
        await this.db.run('INSERT INTO memberships VALUES ($1, $2, $3, $4, CAST($5 AS DATE), CAST($6 AS DATE), $7)', [
          code, seq++, m.symbol, m.name, m.from, m.to, source,
        ]);
      }
      return stored(members.length, 0);
    });
  }

  async getMemberships(code: IndexCode): Promise<MembershipInterval[]> {
    const rows = await this.db.all(
      `SELECT symbol, name, CAST("from" AS VARCHAR) AS "from", CAST("to" AS VARCHAR) AS "to"
       FROM memberships WHERE code = $1 ORDER BY seq`,
      [code],
    );
    return rows.map((r: Row) => ({
      symbol: asSecurityId(r.symbol as string),
      name: r.name as string,
      from: r.from as SessionDate | null,
      to: r.to as SessionDate | null,
    }));
  }

  async putIndexSessions(sessions: readonly IndexSession[]): Promise<WriteResult> {
    const issues = duplicateSessionKeys(sessions);
    if (issues.length > 0) return refused(sessions.length, issues);
    if (sessions.length === 0) return stored(0, 0);
    return this.db.transaction(async () => {
      await this.db.run('DELETE FROM stage_sessions');
      const app = await this.db.appender('stage_sessions', true);
      try {
        for (const s of sessions) {
          app.appendVarchar(s.code);
          app.appendVarchar(s.date);
          app.appendDouble(s.level);
          app.appendDouble(s.levelTr);
          app.appendDouble(s.divisor);
          app.appendDouble(s.divisorTr);
          if (s.previousLevel === null) app.appendNull();
          else app.appendDouble(s.previousLevel);
          app.appendVarchar(JSON.stringify(s));
          app.endRow();
        }
        app.flushSync();
      } finally {
        app.closeSync();
      }
      await this.db.run(`CREATE OR REPLACE TEMP TABLE stage_same AS SELECT s.code, s.date FROM stage_sessions s
        JOIN index_sessions i ON i.code = s.code AND i.date = CAST(s.date AS DATE) AND i.json = s.json`);
      const [same] = await this.db.all<{ n: number }>('SELECT count(*) AS n FROM stage_same');
      const skipped = same?.n ?? 0;
      if (skipped < sessions.length) {
        const changed = `SELECT code, date FROM stage_sessions EXCEPT SELECT code, date FROM stage_same`;
        await this.db.run(`DELETE FROM index_sessions WHERE (code, CAST(date AS VARCHAR)) IN (${changed})`);
        await this.db.run(`INSERT INTO index_sessions SELECT code, CAST(date AS DATE), level, level_tr, divisor, divisor_tr,
          previous_level, json FROM stage_sessions WHERE (code, date) IN (${changed})`);
      }
      return stored(sessions.length - skipped, skipped);
    });
  }

  async getIndexSessions(code: IndexCode, from?: SessionDate, to?: SessionDate): Promise<IndexSession[]> {
    const rows = await this.db.all(
      `SELECT json FROM index_sessions WHERE code = $1 AND date >= CAST($2 AS DATE) AND date <= CAST($3 AS DATE) ORDER BY date`,
      [code, from ?? '0001-01-01', to ?? '9999-12-31'],
    );
    return rows.map((r) => JSON.parse(r.json as string) as IndexSession);
  }

  async deleteIndexSessions(code: IndexCode, from?: SessionDate): Promise<number> {
    const rows = await this.db.all('DELETE FROM index_sessions WHERE code = $1 AND date >= CAST($2 AS DATE) RETURNING 1 AS n', [code, from ?? '0001-01-01']);
    return rows.length;
  }

  async putIndexState(s: StoredIndexState): Promise<void> {
    await this.db.run('INSERT OR REPLACE INTO index_state VALUES ($1, $2, CAST($3 AS DATE), $4, $5)', [s.code, s.fingerprint, s.date, s.barRevision, s.state]);
  }

  async getIndexState(code: IndexCode): Promise<StoredIndexState | null> {
    const [r] = await this.db.all(
      'SELECT code, fingerprint, CAST(date AS VARCHAR) AS date, bar_revision, state FROM index_state WHERE code = $1', [code]);
    if (!r) return null;
    return { code: r.code as IndexCode, fingerprint: r.fingerprint as string, date: r.date as SessionDate, barRevision: r.bar_revision as number, state: r.state as string };
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
