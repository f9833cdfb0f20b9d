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
import { countChange } from './changes.js';
import { PgDatabase } from './PgDatabase.js';

const BAR_COLUMNS = `symbol, date, open, high, low, close, adj_close, volume`;
const MIN_DATE = '0001-01-01';
const MAX_DATE = '9999-12-31';
/** Advisory lock namespace of one index's memberships (the swap reads, compares and replaces under it). */
const MEMBERSHIP_LOCK = 0x1d3a_7e02;

/**
 * The {@link BarStore} on a PostgreSQL database shared by many processes (node-postgres pool). Each write is one
 * transaction: bars go in as one `INSERT ... SELECT FROM unnest($arrays) ON CONFLICT (symbol, date) DO UPDATE ...
 * WHERE the row differs`, so a re-import writes nothing and two imports of the same folder at once store each bar
 * once (the second waits on the first's rows, then finds them identical). A write that changed bars takes the next
 * bar revision from the `indexwire_changes` counter (its row lock orders concurrent writers) and NOTIFYs readers.
 * Same schema and same answers as the DuckDB file (test/contracts).
 * @example const s = await PgBarStore.open('postgresql://desk@127.0.0.1/desk'); await s.symbols(); await s.close();
 */
export class PgBarStore implements BarStore {
  private constructor(readonly db: PgDatabase, private readonly owned: boolean) {}

  /**
   * Connects to `url` (applying the migrations on first use), or wraps an open {@link PgDatabase} (then close()
   * leaves it open). @throws SourceError when the server cannot be reached or refuses.
   */
  static async open(urlOrDb: string | PgDatabase, opts: { applicationName?: string } = {}): Promise<PgBarStore> {
    if (typeof urlOrDb !== 'string') return new PgBarStore(urlOrDb, false);
    return new PgBarStore(await PgDatabase.open(urlOrDb, opts), true);
  }

  async putBars(symbol: SecurityId, bars: readonly Bar[], source: string): Promise<WriteResult> {
    const issues = validateBars(bars, symbol, source);
    if (issues.length > 0) return refused(bars.length, issues);
    if (bars.length === 0) return stored(0, 0);
    const col = <K extends keyof Bar>(k: K) => bars.map((b) => b[k]);
    return this.db.transaction(async () => {
      // rows locked in date order by every writer (no deadlock between two imports of the same file)
      const written = await this.db.rows(
        `INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, source)
         SELECT $1, t.date, t.open, t.high, t.low, t.close, t.adj_close, t.volume, $9
         FROM unnest($2::date[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[])
           AS t(date, open, high, low, close, adj_close, volume)
         ORDER BY t.date
         ON CONFLICT (symbol, date) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,
           close = EXCLUDED.close, adj_close = EXCLUDED.adj_close, volume = EXCLUDED.volume, source = EXCLUDED.source
         WHERE (bars.open, bars.high, bars.low, bars.close, bars.adj_close, bars.volume)
           IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.adj_close, EXCLUDED.volume)
         RETURNING date`,
        [symbol, col('date'), col('open'), col('high'), col('low'), col('close'), col('adjClose'), col('volume'), source],
      );
      if (written.length > 0) {
        let first = written[0]?.[0] as string;
        for (const [d] of written) if ((d as string) < first) first = d as string;
        const rev = await countChange(this.db, 'bars');
        await this.db.query('INSERT INTO bar_changes (rev, symbol, first_date) VALUES ($1, $2, $3)', [rev, symbol, first]);
      }
      return stored(written.length, bars.length - written.length);
    });
  }

  async getBars(symbol: SecurityId, from?: SessionDate, to?: SessionDate): Promise<Bar[]> {
    const rows = await this.db.rows(
      `SELECT ${BAR_COLUMNS} FROM bars WHERE symbol = $1 AND date BETWEEN $2 AND $3 ORDER BY date`,
      [symbol, from ?? MIN_DATE, to ?? MAX_DATE]);
    return groupBars(rows).get(symbol) ?? [];
  }

  async getBarsMany(symbols: readonly SecurityId[], from?: SessionDate, to?: SessionDate): Promise<Map<SecurityId, Bar[]>> {
    if (symbols.length === 0) return new Map();
    const rows = await this.db.rows(
      `SELECT ${BAR_COLUMNS} FROM bars WHERE symbol = ANY($1::text[]) AND date BETWEEN $2 AND $3 ORDER BY symbol, date`,
      [[...new Set(symbols)], from ?? MIN_DATE, to ?? MAX_DATE]);
    return groupBars(rows);
  }

  async lastBars(symbols: readonly SecurityId[], on: SessionDate, count: number): Promise<Map<SecurityId, Bar[]>> {
    if (symbols.length === 0 || count <= 0) return new Map();
    const rows = await this.db.rows(
      `SELECT b.symbol, b.date, b.open, b.high, b.low, b.close, b.adj_close, b.volume
       FROM unnest($1::text[]) AS s(symbol)
       CROSS JOIN LATERAL (SELECT * FROM bars WHERE bars.symbol = s.symbol AND bars.date <= $2 ORDER BY bars.date DESC LIMIT $3) b
       ORDER BY b.symbol, b.date`,
      [[...new Set(symbols)], on, count]);
    return groupBars(rows);
  }

  async symbols(): Promise<SecurityId[]> {
    // a loose index scan: one probe per symbol instead of reading every bar
    const rows = await this.db.rows(`WITH RECURSIVE s(symbol) AS (
        (SELECT symbol FROM bars ORDER BY symbol LIMIT 1)
        UNION ALL
        SELECT (SELECT b.symbol FROM bars b WHERE b.symbol > s.symbol ORDER BY b.symbol LIMIT 1) FROM s WHERE s.symbol IS NOT NULL)
      SELECT symbol FROM s WHERE symbol IS NOT NULL ORDER BY symbol`);
    return rows.map((r) => asSecurityId(r[0] as string));
  }

  async barCounts(): Promise<Array<{ symbol: SecurityId; bars: number; first: SessionDate; last: SessionDate }>> {
    const rows = await this.db.rows('SELECT symbol, count(*), min(date), max(date) FROM bars GROUP BY symbol ORDER BY symbol');
    return rows.map((r) => ({ symbol: asSecurityId(r[0] as string), bars: r[1] as number, first: r[2] as SessionDate, last: r[3] as SessionDate }));
  }

  async putSecurities(securities: readonly Security[]): Promise<WriteResult> {
    const issues = securities.filter((s) => !s.id).map((s) => `securities: empty id for "${s.name}"`);
    if (issues.length > 0) return refused(securities.length, issues);
    if (securities.length === 0) return stored(0, 0);
    const last = new Map(securities.map((s) => [s.id, s])); // a repeated id: the last one wins, as in the other stores
    const list = [...last.values()];
    return this.db.transaction(async () => {
      const rows = await this.db.rows(
        `INSERT INTO securities (id, kind, name, currency, exchange, json)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) ORDER BY 1
         ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, currency = EXCLUDED.currency,
           exchange = EXCLUDED.exchange, json = EXCLUDED.json
         WHERE securities.json IS DISTINCT FROM EXCLUDED.json RETURNING id`,
        [list.map((s) => s.id), list.map((s) => s.kind), list.map((s) => s.name), list.map((s) => s.currency), list.map((s) => s.exchange), list.map((s) => JSON.stringify(s))]);
      if (rows.length > 0) await countChange(this.db, 'reference');
      return stored(rows.length, securities.length - rows.length);
    });
  }

  async getSecurities(): Promise<Security[]> {
    const rows = await this.db.rows('SELECT json FROM securities ORDER BY id');
    return rows.map((r) => JSON.parse(r[0] as string) as Security);
  }

  async putActions(actions: readonly CorporateAction[], source: string): Promise<WriteResult> {
    const issues = validateActions(actions, source);
    if (issues.length > 0) return refused(actions.length, issues);
    if (actions.length === 0) return stored(0, 0);
    const last = new Map(actions.map((a) => [`${a.symbol}|${a.exDate}|${a.kind}`, a]));
    const list = [...last.values()];
    return this.db.transaction(async () => {
      const rows = await this.db.rows(
        `INSERT INTO corporate_actions (symbol, ex_date, kind, json, source)
         SELECT t.symbol, t.ex_date, t.kind, t.json, $5 FROM unnest($1::text[], $2::date[], $3::text[], $4::text[]) AS t(symbol, ex_date, kind, json)
         ORDER BY 1, 2, 3
         ON CONFLICT (symbol, ex_date, kind) DO UPDATE SET json = EXCLUDED.json, source = EXCLUDED.source
         WHERE corporate_actions.json IS DISTINCT FROM EXCLUDED.json RETURNING 1`,
        [list.map((a) => a.symbol), list.map((a) => a.exDate), list.map((a) => a.kind), list.map((a) => JSON.stringify(a)), source]);
      if (rows.length > 0) await countChange(this.db, 'reference');
      return stored(rows.length, actions.length - rows.length);
    });
  }

  async getActions(): Promise<CorporateAction[]> {
    const rows = await this.db.rows('SELECT json FROM corporate_actions');
    return rows.map((r) => JSON.parse(r[0] as string) as CorporateAction).sort(compareActions);
  }

  async membershipCodes(): Promise<IndexCode[]> {
    const rows = await this.db.rows('SELECT DISTINCT code FROM memberships ORDER BY code');
    return rows.map((r) => r[0] as IndexCode);
  }

  async barRevision(): Promise<number> {
    const [r] = await this.db.rows("SELECT revision FROM indexwire_changes WHERE topic = 'bars'");
    return (r?.[0] as number | undefined) ?? 0;
  }

  async barChangesSince(since: number): Promise<Map<SecurityId, SessionDate>> {
    const rows = await this.db.rows('SELECT symbol, min(first_date) FROM bar_changes WHERE rev > $1 GROUP BY symbol ORDER BY symbol', [since]);
    return new Map(rows.map((r) => [asSecurityId(r[0] as string), r[1] as SessionDate]));
  }

  async putMemberships(code: IndexCode, members: readonly MembershipInterval[], source: string): Promise<WriteResult> {
    const norm = (ms: readonly MembershipInterval[]): string => JSON.stringify(ms.map((m) => [m.symbol, m.name, m.from, m.to]));
    return this.db.transaction(async () => {
      // compared and swapped under a lock of this index: two imports at once swap once, the other finds it equal
      await this.db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MEMBERSHIP_LOCK, code]);
      if (norm(await this.getMemberships(code)) === norm(members)) return stored(0, members.length);
      await this.db.query('DELETE FROM memberships WHERE code = $1', [code]);
      await this.db.query(
        `INSERT INTO memberships (code, seq, symbol, name, "from", "to", source)
         SELECT $1, t.ord - 1, t.symbol, t.name, t.f, t.u, $6
         FROM unnest($2::text[], $3::text[], $4::date[], $5::date[]) WITH ORDINALITY AS t(symbol, name, f, u, ord)`,
        [code, members.map((m) => m.symbol), members.map((m) => m.name), members.map((m) => m.from), members.map((m) => m.to), source]);
      await countChange(this.db, 'reference');
      return stored(members.length, 0);
    });
  }

  async getMemberships(code: IndexCode): Promise<MembershipInterval[]> {
    const rows = await this.db.rows('SELECT symbol, name, "from", "to" FROM memberships WHERE code = $1 ORDER BY seq', [code]);
    return rows.map((r) => ({
      symbol: asSecurityId(r[0] as string),
      name: r[1] as string,
      from: r[2] as SessionDate | null,
      to: r[3] as SessionDate | null,
    }));
  }

  async putIndexSessions(sessions: readonly IndexSession[]): Promise<WriteResult> {
    const issues = duplicateSessionKeys(sessions);
    if (issues.length > 0) return refused(sessions.length, issues);
    if (sessions.length === 0) return stored(0, 0);
    const c = <T>(f: (s: IndexSession) => T) => sessions.map(f);
    return this.db.transaction(async () => {
      const rows = await this.db.rows(
        `INSERT INTO index_sessions (code, date, level, level_tr, divisor, divisor_tr, previous_level, json)
         SELECT * FROM unnest($1::text[], $2::date[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::text[])
         ORDER BY 1, 2
         ON CONFLICT (code, date) DO UPDATE SET level = EXCLUDED.level, level_tr = EXCLUDED.level_tr, divisor = EXCLUDED.divisor,
           divisor_tr = EXCLUDED.divisor_tr, previous_level = EXCLUDED.previous_level, json = EXCLUDED.json
         WHERE index_sessions.json IS DISTINCT FROM EXCLUDED.json RETURNING 1`,
        [c((s) => s.code), c((s) => s.date), c((s) => s.level), c((s) => s.levelTr), c((s) => s.divisor), c((s) => s.divisorTr),
          c((s) => s.previousLevel), c((s) => JSON.stringify(s))]);
      if (rows.length > 0) await countChange(this.db, 'index');
      return stored(rows.length, sessions.length - rows.length);
    });
  }

  async getIndexSessions(code: IndexCode, from?: SessionDate, to?: SessionDate): Promise<IndexSession[]> {
    const rows = await this.db.rows('SELECT json FROM index_sessions WHERE code = $1 AND date BETWEEN $2 AND $3 ORDER BY date',
      [code, from ?? MIN_DATE, to ?? MAX_DATE]);
    return rows.map((r) => JSON.parse(r[0] as string) as IndexSession);
  }

  async deleteIndexSessions(code: IndexCode, from?: SessionDate): Promise<number> {
    return this.db.transaction(async () => {
      const rows = await this.db.rows('DELETE FROM index_sessions WHERE code = $1 AND date >= $2 RETURNING 1', [code, from ?? MIN_DATE]);
      if (rows.length > 0) await countChange(this.db, 'index');
      return rows.length;
    });
  }

  async putIndexState(s: StoredIndexState): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.query(
        `INSERT INTO index_state (code, fingerprint, date, bar_revision, state) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, date = EXCLUDED.date,
           bar_revision = EXCLUDED.bar_revision, state = EXCLUDED.state`,
        [s.code, s.fingerprint, s.date, s.barRevision, s.state]);
      await countChange(this.db, 'index');
    });
  }

  async getIndexState(code: IndexCode): Promise<StoredIndexState | null> {
    const [r] = await this.db.rows('SELECT code, fingerprint, date, bar_revision, state FROM index_state WHERE code = $1', [code]);
    if (!r) return null;
    return { code: r[0] as IndexCode, fingerprint: r[1] as string, date: r[2] as SessionDate, barRevision: r[3] as number, state: r[4] as string };
  }

  async close(): Promise<void> {
    if (this.owned) await this.db.close();
  }
}

/** Rows symbol, date, open, high, low, close, adj_close, volume (ordered by symbol, then date) as series. */
function groupBars(rows: readonly unknown[][]): Map<SecurityId, Bar[]> {
  const out = new Map<SecurityId, Bar[]>();
  let list: Bar[] = [];
  let cur: string | null = null;
  for (const r of rows) {
    const s = r[0] as string;
    if (s !== cur) out.set(s as SecurityId, (list = [])), (cur = s);
    list.push({
      date: r[1] as SessionDate, open: r[2] as number, high: r[3] as number, low: r[4] as number, close: r[5] as number,
      adjClose: (r[6] as number | null) ?? null, volume: (r[7] as number | null) ?? null,
    });
  }
  return out;
}
