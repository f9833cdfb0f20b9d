import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chownSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server for tests and benchmarks: `initdb` into a temporary folder, `postgres` on a free
 * loopback port (no Unix socket, fsync off), password login for a generated user; `stop()` shuts it down and
 * removes the folder. `INDEXWIRE_TEST_PG_URL=postgresql://user:pw@host:port/db` uses that server instead (each
 * `createDatabase()` then makes a database in it and `stop()` drops them).
 *
 * The binaries come from PATH or Debian's `/usr/lib/postgresql/<version>/bin` (the newest), where the
 * `postgresql` package puts them (`npm test`'s pretest installs it when missing). `initdb` refuses to run as root,
 * so as root the server runs as the unprivileged system user `postgres` (created by that package) or, without it,
 * `nobody`: the folder is handed to that user and every folder above it must be searchable by others
 * (test/support/tmpdirGuard.ts makes the run's TMPDIR mode 711). Should the test process die without stopping it,
 * the server shuts itself down within a minute of its folder being removed (postmaster checks its lock file).
 */
export interface ThrowawayPostgres {
  /** `postgresql://…/postgres` on the server (an admin connection). */
  readonly url: string;
  /** A new, empty database; returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** Newest Debian PostgreSQL bin folder holding `initdb`, or null. */
function debianBinDir(root = process.env.INDEXWIRE_POSTGRES_LIB ?? '/usr/lib/postgresql'): string | null {
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  return null;
}

/** The folder with `initdb`, `postgres`: PATH first, then /usr/lib/postgresql/<newest>/bin. Null when neither. */
export function findPostgresBinDir(pathEnv = process.env.PATH ?? ''): string | null {
  for (const dir of pathEnv.split(':')) {
    if (!dir) continue;
    try {
      accessSync(join(dir, 'initdb'), constants.X_OK);
      accessSync(join(dir, 'postgres'), constants.X_OK);
      return dir;
    } catch {
      // not here
    }
  }
  return debianBinDir();
}

/** One line for a machine without PostgreSQL: what is missing and the one command that installs it. */
export const NO_POSTGRES =
  'PostgreSQL test server: initdb/postgres not found on PATH or in /usr/lib/postgresql/*/bin: npm test installs them (pretest); or run `apt-get install -y postgresql` (Debian), or set INDEXWIRE_TEST_PG_URL to a server';

interface Account {
  readonly uid: number;
  readonly gid: number;
  readonly name: string;
  readonly home: string;
}

/** The unprivileged account to run the server as when we are root: `postgres`, else `nobody`. */
function serverAccount(): Account | null {
  if (process.getuid?.() !== 0) return null;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':'));
  for (const name of ['postgres', 'nobody']) {
    const e = passwd.find((f) => f[0] === name);
    if (e) return { name, uid: Number(e[2]), gid: Number(e[3]), home: e[5] ?? '/' };
  }
  throw new Error('PostgreSQL test server: running as root and neither the user postgres nor nobody exists to run it as (initdb refuses root): apt-get install -y postgresql creates postgres');
}

/** Throws one line naming the first folder above `dir` that `account` cannot search. */
function checkSearchable(dir: string, account: Account): void {
  for (let d = dirname(dir); ; d = dirname(d)) {
    const st = statSync(d);
    const ok = st.uid === account.uid ? (st.mode & 0o100) !== 0 : st.gid === account.gid ? (st.mode & 0o010) !== 0 : (st.mode & 0o001) !== 0;
    if (!ok) throw new Error(`PostgreSQL test server: ${d} is not searchable by user ${account.name}, who runs the server (initdb refuses root): chmod o+x ${d}, or point TMPDIR elsewhere`);
    if (d === dirname(d)) return;
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

async function waitForServer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`PostgreSQL test server exited (${child.exitCode ?? child.signalCode}) before accepting connections: ${log().trim().split('\n').pop() ?? ''}`);
    }
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.end();
      return;
    } catch {
      await c.end().catch(() => undefined);
    }
    if (Date.now() > deadline) throw new Error(`PostgreSQL test server did not accept connections within 60 s: ${log().trim().split('\n').pop() ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A database per call on an existing server, dropped at stop. */
function onExistingServer(url: string): ThrowawayPostgres {
  const made: string[] = [];
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  return {
    url,
    async createDatabase() {
      const name = `iw_test_${randomBytes(6).toString('hex')}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      made.push(name);
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
    async stop() {
      await admin(async (c) => {
        for (const n of made.splice(0)) await c.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
      });
    },
  };
}

/**
 * Starts a throwaway server (or uses INDEXWIRE_TEST_PG_URL).
 * @throws Error with one line when PostgreSQL is not installed ({@link NO_POSTGRES}) or the server does not start.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const external = process.env.INDEXWIRE_TEST_PG_URL;
  if (external) return onExistingServer(external);
  const bin = findPostgresBinDir();
  if (bin === null) throw new Error(NO_POSTGRES);
  const account = serverAccount();
  const root = mkdtempSync(join(tmpdir(), 'iw-pg-'));
  const data = join(root, 'data');
  const user = 'indexwire';
  const password = randomBytes(12).toString('hex');
  let child: ChildProcess | null = null;
  const logLines: string[] = [];
  const stopChild = async (): Promise<void> => {
    const c = child;
    if (c && c.exitCode === null && c.signalCode === null) {
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGINT'); // fast shutdown
      const killer = setTimeout(() => c.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
  };
  const stop = async (): Promise<void> => {
    await stopChild();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    mkdirSync(data, { mode: 0o700 });
    const pwfile = join(root, 'pw');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    const as = account ? { uid: account.uid, gid: account.gid } : {};
    if (account) {
      checkSearchable(root, account);
      chownSync(root, account.uid, account.gid);
      chownSync(data, account.uid, account.gid);
      chownSync(pwfile, account.uid, account.gid);
    }
    const env = { ...process.env, ...(account ? { HOME: account.home, USER: account.name, LOGNAME: account.name } : {}), LC_ALL: 'C' };
    const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', user, `--pwfile=${pwfile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C', '-N'],
      { ...as, env, cwd: root, encoding: 'utf8' });
    if (init.status !== 0) {
      throw new Error(`PostgreSQL test server: initdb failed (${init.error?.message ?? `exit ${init.status}`}): ${`${init.stderr}`.trim().split('\n').pop() ?? ''}`);
    }
    rmSync(pwfile);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const url = `postgresql://${user}:${password}@127.0.0.1:${port}/postgres`;
      const c = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
        '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200', '-c', 'shared_buffers=64MB'],
      { ...as, env, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      child = c;
      c.stderr?.on('data', (b: Buffer) => {
        logLines.push(b.toString());
        if (logLines.length > 50) logLines.shift();
      });
      c.on('error', (e) => logLines.push(e.message));
      try {
        await waitForServer(url, c, () => logLines.join(''));
      } catch (e) {
        // another process took the port between our probe and the server's bind: try another
        if (attempt < 3 && /could not (bind|create)/i.test(logLines.join(''))) {
          await stopChild();
          logLines.length = 0;
          continue;
        }
        throw e;
      }
      const server = onExistingServer(url);
      return {
        url,
        createDatabase: server.createDatabase,
        async stop() {
          await server.stop().catch(() => undefined);
          await stop();
        },
      };
    }
  } catch (e) {
    await stop();
    throw e;
  }
}
