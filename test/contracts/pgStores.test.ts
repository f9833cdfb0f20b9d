import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgBarStore } from '../../src/store/postgres/PgBarStore.js';
import { PgDatabase } from '../../src/store/postgres/PgDatabase.js';
import { PgNewsStore } from '../../src/store/postgres/PgNewsStore.js';
import type { BarStore } from '../../src/store/ports.js';
import { newsStoreContract } from '../news/ingest/newsStoreContract.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres.js';
import { barStoreContract } from './barStoreContract.js';

// A real PostgreSQL server (nothing mocked): started here, stopped and removed after the file.
let server: ThrowawayPostgres;
beforeAll(async () => {
  server = await startThrowawayPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const urls = new WeakMap<object, string>();

barStoreContract({
  name: 'postgresql',
  propertyRuns: 6,
  async open() {
    const url = await server.createDatabase();
    const s = await PgBarStore.open(url);
    urls.set(s, url);
    return s;
  },
  async reopen(s: BarStore) {
    const url = urls.get(s) as string;
    await s.close();
    return PgBarStore.open(url);
  },
});

newsStoreContract('postgresql', async () => PgNewsStore.open(await server.createDatabase()));

describe('PostgreSQL store: migrations', () => {
  it('applies the schema once, even when several processes open a new database at once, and records it', async () => {
    const url = await server.createDatabase();
    const dbs = await Promise.all([1, 2, 3].map(() => PgDatabase.open(url)));
    try {
      const rows = await dbs[0]!.query<{ version: number }>('SELECT version FROM indexwire_migrations');
      expect(rows.map((r) => r.version)).toEqual([1]);
    } finally {
      await Promise.all(dbs.map((d) => d.close()));
    }
  });

  it('refuses a database whose schema is newer than this code, in one line', async () => {
    const url = await server.createDatabase();
    const db = await PgDatabase.open(url);
    await db.query("INSERT INTO indexwire_migrations (version, name) VALUES (99, 'from the future')");
    await db.close();
    await expect(PgDatabase.open(url)).rejects.toThrow(/database schema version 99 is newer than this Indexwire's \(1\): upgrade Indexwire$/);
  });

  it('names the server and hides the password when it cannot connect', async () => {
    await expect(PgDatabase.open('postgresql://desk:s3cret@127.0.0.1:1/desk')).rejects.toThrow(
      /^postgresql:\/\/desk:\*\*\*@127\.0\.0\.1:1\/desk: cannot connect \(.*\): is the PostgreSQL server running\?$/);
  });
});
