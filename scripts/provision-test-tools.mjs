// `npm test` runs this first (package.json "pretest"): the programs the tests drive that npm cannot install.
// Missing ones are installed with Debian's apt-get when this machine allows it (root, apt-get present), in one
// line of output; otherwise it fails at once with one line naming the command to run. Nothing but Node builtins.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the tests need, by program name on PATH, with the Debian package that ships it. */
export const TEST_TOOLS = [
  { bin: 'chromium', pkg: 'chromium', usedBy: 'the browser tests' },
  { bin: 'hugo', pkg: 'hugo', usedBy: 'the Hugo test' },
  { bin: 'nats-server', pkg: 'nats-server', usedBy: 'the NATS tests' },
  // Debian's package keeps initdb/postgres off PATH, in /usr/lib/postgresql/<version>/bin (see findTool)
  { bin: 'initdb', pkg: 'postgresql', usedBy: 'the PostgreSQL tests' },
];

/**
 * `bin` in the newest /usr/lib/postgresql/<version>/bin, where Debian's `postgresql` package puts the server
 * programs (not on PATH). `INDEXWIRE_POSTGRES_LIB` replaces /usr/lib/postgresql (the tests simulate a machine
 * without it). test/support/throwawayPostgres.ts looks in the same places.
 */
export function findPostgresBin(bin, root = process.env.INDEXWIRE_POSTGRES_LIB ?? '/usr/lib/postgresql') {
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const p = join(root, v, 'bin', bin);
    if (existsSync(p)) return p;
  }
  return null;
}

/** A test tool on PATH, or (initdb, postgres) where Debian installs PostgreSQL. */
export function findTool(bin, pathEnv = process.env.PATH ?? '') {
  return findOnPath(bin, pathEnv) ?? (bin === 'initdb' || bin === 'postgres' ? findPostgresBin(bin) : null);
}

/** The path of an executable file `bin` on `pathEnv` (PATH syntax), or null. */
export function findOnPath(bin, pathEnv = process.env.PATH ?? '') {
  for (const dir of pathEnv.split(delimiter)) {
    if (dir === '') continue;
    const p = join(dir, bin);
    try {
      if (statSync(p).isFile()) {
        accessSync(p, constants.X_OK);
        return p;
      }
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Decides and does the provisioning. Everything with an effect is injected, so tests can run it on a machine
 * that has every tool installed:
 * - `which(bin)`: path or null; `isRoot`: may install system packages;
 * - `run(cmd, args)`: `{status, stderr}` of a finished command (spawnSync's shape).
 * With `dryRun`, apt-get only simulates (`apt-get install -s`) and the line says what it would install.
 * @returns `{code, line, installed}`: exit code (0 ready, 1 not), the one line to print (null when everything
 *   was already there) and the Debian packages installed.
 */
export function provision({ tools = TEST_TOOLS, which, isRoot, run, dryRun = false }) {
  const missing = tools.filter((t) => which(t.bin) === null);
  if (missing.length === 0) return { code: 0, line: null, installed: [] };
  const pkgs = missing.map((t) => t.pkg);
  const names = missing.map((t) => `${t.bin} (${t.usedBy})`).join(', ');
  const command = `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
  if (which('apt-get') === null) {
    return { code: 1, line: `pretest: ${names} not found on PATH and there is no apt-get here: install ${pkgs.join(', ')} with this system's package manager (on Debian, as root: ${command})`, installed: [] };
  }
  if (!isRoot) {
    return { code: 1, line: `pretest: ${names} not found on PATH: run \`sudo sh -c '${command}'\`, then npm test again`, installed: [] };
  }
  const lastLine = (r) => `${r.stderr ?? ''}`.trim().split('\n').pop() || `exit ${r.status}`;
  const update = run('apt-get', ['update', '-qq', '-o', 'DPkg::Lock::Timeout=300']);
  if (update.status !== 0) {
    return { code: 1, line: `pretest: apt-get update failed (${lastLine(update)}): run \`${command}\` to see why`, installed: [] };
  }
  const install = run('apt-get', ['install', dryRun ? '-s' : '-y', '-qq', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', ...pkgs]);
  if (install.status !== 0) {
    return { code: 1, line: `pretest: apt-get install ${pkgs.join(' ')} failed (${lastLine(install)}): run \`${command}\` to see why`, installed: [] };
  }
  if (dryRun) {
    const inst = `${install.stdout ?? ''}`.split('\n').filter((l) => l.startsWith('Inst ')).length;
    return { code: 0, line: `pretest (dry run): would install ${pkgs.join(', ')} with apt-get: ${inst} Debian package(s) in all`, installed: [] };
  }
  const still = missing.filter((t) => which(t.bin) === null);
  if (still.length > 0) {
    return { code: 1, line: `pretest: apt-get installed ${pkgs.join(', ')} but ${still.map((t) => t.bin).join(', ')} is still not on PATH (${process.env.PATH ?? ''})`, installed: pkgs };
  }
  return { code: 0, line: `pretest: installed ${pkgs.join(', ')} with apt-get (missing here; needed by ${missing.map((t) => t.usedBy).join(', ')})`, installed: pkgs };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = provision({
    which: (bin) => findTool(bin),
    isRoot: process.getuid?.() === 0,
    run: (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', 'pipe', 'pipe'] }),
    dryRun: process.argv.includes('--dry-run'),
  });
  if (r.line !== null) (r.code === 0 ? process.stdout : process.stderr).write(`${r.line}\n`);
  process.exitCode = r.code;
}
