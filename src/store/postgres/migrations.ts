import { SourceError } from '../../core/errors.js';

/** One schema change, applied once per database, in version order, inside one transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The PostgreSQL schema, versioned here in the repository: a database records what it has in
 * `indexwire_migrations(version, name, applied_at)`; opening it applies the versions it lacks. Never edit an
 * applied migration: add the next version. The tables are the DuckDB store's (src/store/duckdb/schema.ts,
 * src/store/news/DuckDbNewsStore.ts) with PostgreSQL types, plus primary keys (PostgreSQL keeps them cheaply and
 * they are what make concurrent writers store each row once), `live_levels`, and `indexwire_changes`, the change
 * counters that readers in other processes poll (and are woken by NOTIFY on the channel `indexwire_changes`).
 * Text keys are `COLLATE "C"`, so every ORDER BY sorts by code point as DuckDB and the in-memory twin do.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'bars, reference data, index sessions, news with BM25 postings, live levels, change counters',
    sql: `
      CREATE TABLE bars (
        symbol text COLLATE "C" NOT NULL, date date NOT NULL,
        open float8 NOT NULL, high float8 NOT NULL, low float8 NOT NULL, close float8 NOT NULL,
        adj_close float8, volume float8, source text NOT NULL,
        PRIMARY KEY (symbol, date));
      CREATE TABLE securities (
        id text COLLATE "C" PRIMARY KEY, kind text NOT NULL, name text NOT NULL, currency text NOT NULL,
        exchange text NOT NULL, json text NOT NULL);
      CREATE TABLE memberships (
        code text COLLATE "C" NOT NULL, seq integer NOT NULL, symbol text NOT NULL, name text NOT NULL,
        "from" date, "to" date, source text NOT NULL, PRIMARY KEY (code, seq));
      CREATE TABLE index_sessions (
        code text COLLATE "C" NOT NULL, date date NOT NULL, level float8 NOT NULL, level_tr float8 NOT NULL,
        divisor float8 NOT NULL, divisor_tr float8 NOT NULL, previous_level float8, json text NOT NULL,
        PRIMARY KEY (code, date));
      CREATE TABLE corporate_actions (
        symbol text COLLATE "C" NOT NULL, ex_date date NOT NULL, kind text COLLATE "C" NOT NULL, json text NOT NULL,
        source text NOT NULL, PRIMARY KEY (symbol, ex_date, kind));
      CREATE TABLE bar_changes (rev bigint PRIMARY KEY, symbol text COLLATE "C" NOT NULL, first_date date NOT NULL);
      CREATE TABLE index_state (
        code text COLLATE "C" PRIMARY KEY, fingerprint text NOT NULL, date date NOT NULL, bar_revision bigint NOT NULL,
        state text NOT NULL);
      CREATE TABLE news_articles (
        id text COLLATE "C" PRIMARY KEY, url text, title text NOT NULL, body text NOT NULL,
        published_at text NOT NULL, published_ms bigint NOT NULL, source text NOT NULL, language text,
        origin text NOT NULL, duplicate_of text COLLATE "C", minhash text, text_len integer NOT NULL,
        doc_len integer NOT NULL, article_json text NOT NULL);
      CREATE INDEX news_articles_published ON news_articles (published_ms);
      CREATE TABLE news_postings (
        term text COLLATE "C" NOT NULL, article_id text COLLATE "C" NOT NULL, tf integer NOT NULL,
        PRIMARY KEY (term, article_id));
      CREATE INDEX news_postings_article ON news_postings (article_id);
      CREATE TABLE news_origins (
        article_id text COLLATE "C" NOT NULL, origin text COLLATE "C" NOT NULL, PRIMARY KEY (article_id, origin));
      CREATE TABLE live_levels (
        index_code text COLLATE "C" NOT NULL, time_ms bigint NOT NULL, level float8 NOT NULL, final boolean NOT NULL,
        json text NOT NULL, PRIMARY KEY (index_code, time_ms));
      CREATE TABLE indexwire_changes (topic text COLLATE "C" PRIMARY KEY, revision bigint NOT NULL);
      INSERT INTO indexwire_changes VALUES ('bars', 0), ('reference', 0), ('index', 0), ('news', 0), ('levels', 0);
    `,
  },
];

/** The newest schema version this code knows. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

/** Key of the advisory lock held while migrating (any 64-bit number unique to Indexwire's migrations). */
const MIGRATION_LOCK = 0x1d3a_7e01;

interface Db {
  readonly label: string;
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * Applies the migrations `db` lacks, in one transaction under an advisory lock (two processes opening a new
 * database at once: the second waits, then finds nothing to do). Fast path: one read when the schema is current.
 * @throws SourceError when the database holds a schema newer than this code (an older Indexwire must not write it).
 */
export async function applyMigrations(db: Db): Promise<number[]> {
  const current = async (): Promise<number[]> => {
    const [t] = await db.query<{ ok: boolean }>("SELECT to_regclass('indexwire_migrations') IS NOT NULL AS ok");
    if (!t?.ok) return [];
    return (await db.query<{ version: number }>('SELECT version FROM indexwire_migrations ORDER BY version')).map((r) => r.version);
  };
  const check = (have: number[]): void => {
    const newest = have.at(-1) ?? 0;
    if (newest > SCHEMA_VERSION) {
      throw new SourceError(db.label, `database schema version ${newest} is newer than this Indexwire's (${SCHEMA_VERSION}): upgrade Indexwire`, false);
    }
  };
  const before = await current();
  check(before);
  if (MIGRATIONS.every((m) => before.includes(m.version))) return [];
  return db.transaction(async () => {
    await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await db.query(`CREATE TABLE IF NOT EXISTS indexwire_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const have = await current();
    check(have);
    const applied: number[] = [];
    for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
      if (have.includes(m.version)) continue;
      await db.query(m.sql);
      await db.query('INSERT INTO indexwire_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
