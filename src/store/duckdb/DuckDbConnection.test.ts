import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { asSecurityId, asSessionDate } from '../../core/units.js';
import { DuckDbBarStore } from './DuckDbBarStore.js';
import { DuckDbConnection } from './DuckDbConnection.js';

const dir = mkdtempSync(join(tmpdir(), 'indexwire-duck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DuckDbConnection', () => {
  it('returns plain rows: BIGINT as number, so JSON.stringify works', async () => {
    const db = await DuckDbConnection.open(':memory:');
    const rows = await db.all('SELECT count(*) AS n, CAST(12345678901 AS BIGINT) AS big, NULL AS nothing FROM range(3)');
    expect(rows).toEqual([{ n: 3, big: 12345678901, nothing: null }]);
    expect(JSON.stringify(rows)).toBe('[{"n":3,"big":12345678901,"nothing":null}]');
    await db.close();
    await db.close(); // idempotent
  });

  it('rolls a failed transaction back: nothing of it stays', async () => {
    const db = await DuckDbConnection.open(':memory:');
    await db.run('CREATE TABLE t (x INTEGER PRIMARY KEY)');
    await expect(
      db.transaction(async () => {
        await db.run('INSERT INTO t VALUES (1), (2)');
        await db.run('INSERT INTO t VALUES (2)'); // primary key violation
      }),
    ).rejects.toThrow(':memory:: Constraint Error: PRIMARY KEY or UNIQUE constraint violation: duplicate key "2" (in: INSERT INTO t VALUES (2))');
    expect(await db.all('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
    // serialised: two concurrent transactions both land
    await Promise.all([db.transaction(() => db.run('INSERT INTO t VALUES (10)')), db.transaction(() => db.run('INSERT INTO t VALUES (11)'))]);
    expect(await db.all('SELECT count(*) AS n FROM t')).toEqual([{ n: 2 }]);
    await db.close();
  });

  it('a store batch that fails inside the database writes nothing', async () => {
    const store = await DuckDbBarStore.open(':memory:');
    const X = asSecurityId('X');
    const good = { date: asSessionDate('2025-01-02'), open: 1, high: 1, low: 1, close: 1, adjClose: null, volume: null };
    await store.putBars(X, [good], 'a');
    // Sabotage the upsert step (after staging): a CHECK that the second row violates.
    await store.db.run('ALTER TABLE bars ADD CONSTRAINT c CHECK (close < 5)').catch(async () => {
      // DuckDB cannot add constraints to existing tables: swap in a table with the check instead.
      await store.db.run(`CREATE TABLE bars2 AS SELECT * FROM bars; DROP TABLE bars;
        CREATE TABLE bars (symbol VARCHAR NOT NULL, date DATE NOT NULL, open DOUBLE NOT NULL, high DOUBLE NOT NULL,
          low DOUBLE NOT NULL, close DOUBLE NOT NULL CHECK (close < 5), adj_close DOUBLE, volume DOUBLE, source VARCHAR NOT NULL,
          PRIMARY KEY (symbol, date));
        INSERT INTO bars SELECT * FROM bars2; DROP TABLE bars2;`);
    });
    const batch = [
      { ...good, date: asSessionDate('2025-01-03'), open: 2, high: 2, low: 2, close: 2 },
      { ...good, date: asSessionDate('2025-01-06'), open: 9, high: 9, low: 9, close: 9 },
    ];
    await expect(store.putBars(X, batch, 'b')).rejects.toThrow(/CHECK constraint/i);
    expect(await store.getBars(X)).toEqual([good]);
    await store.close();
  });

  it('says clearly that a file is in use by another process', async () => {
    const path = join(dir, 'locked.duckdb');
    const mod = fileURLToPath(new URL('./DuckDbConnection.ts', import.meta.url));
    const holder = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e',
        `import { DuckDbConnection } from ${JSON.stringify(mod)};
         const db = await DuckDbConnection.open(${JSON.stringify(path)});
         process.stdout.write('ready\\n');
         process.stdin.on('data', async () => { await db.close(); process.exit(0); });`],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (b: Buffer) => (b.toString().includes('ready') ? resolve() : undefined));
        holder.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      await expect(DuckDbConnection.open(path)).rejects.toThrow(
        `${path}: database is in use by another process (DuckDB allows one process per file); close it and retry`,
      );
    } finally {
      holder.stdin.write('x');
      await new Promise((r) => holder.on('exit', r));
    }
    const db = await DuckDbConnection.open(path); // free again once the holder closed it
    await db.close();
  });
});
