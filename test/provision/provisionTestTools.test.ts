import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOnPath, findPostgresBin, findTool, provision, TEST_TOOLS, type CommandResult } from '../../scripts/provision-test-tools.mjs';
import { REPO_ROOT } from '../support/sharedData.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();
const SCRIPT = resolve(REPO_ROOT, 'scripts/provision-test-tools.mjs');

/** A machine: the programs on its PATH, whether we are root, and a fake apt-get that records its calls. */
function machine(onPath: string[], opts: { root?: boolean; aptFails?: 'update' | 'install'; aptInstallsNothing?: boolean } = {}) {
  const present = new Set(onPath);
  const calls: string[] = [];
  const run = (cmd: string, args: readonly string[]): CommandResult => {
    calls.push([cmd, ...args].join(' '));
    if (args[0] === 'update') return opts.aptFails === 'update' ? { status: 100, stderr: 'E: Could not get lock /var/lib/apt/lists/lock' } : { status: 0, stderr: '' };
    if (opts.aptFails === 'install') return { status: 100, stderr: 'W: x\nE: Unable to locate package hugo' };
    if (!opts.aptInstallsNothing) for (const a of args) if (!a.startsWith('-') && a !== 'install' && !a.includes('::')) present.add(a);
    return { status: 0, stderr: '' };
  };
  return { calls, deps: { which: (b: string) => (present.has(b) ? `/usr/bin/${b}` : null), isRoot: opts.root ?? true, run } };
}

describe('npm test provisions its tools (scripts/provision-test-tools.mjs, injected PATH and apt-get)', () => {
  it('does nothing and says nothing when every tool is on PATH', () => {
    const m = machine(['chromium', 'hugo', 'nats-server', 'initdb', 'apt-get']);
    expect(provision(m.deps)).toEqual({ code: 0, line: null, installed: [] });
    expect(m.calls).toEqual([]);
  });

  it('as root with apt-get: installs exactly the missing packages and says so in one line', () => {
    const m = machine(['hugo', 'initdb', 'apt-get']);
    const r = provision(m.deps);
    expect(r).toEqual({
      code: 0,
      line: 'pretest: installed chromium, nats-server with apt-get (missing here; needed by the browser tests, the NATS tests)',
      installed: ['chromium', 'nats-server'],
    });
    expect(m.calls).toEqual([
      'apt-get update -qq -o DPkg::Lock::Timeout=300',
      'apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 chromium nats-server',
    ]);
  });

  it('not root: fails at once, naming the exact command, and runs nothing', () => {
    const m = machine(['apt-get'], { root: false });
    const r = provision(m.deps);
    expect(r.code).toBe(1);
    expect(r.line).toBe(
      "pretest: chromium (the browser tests), hugo (the Hugo test), nats-server (the NATS tests), initdb (the PostgreSQL tests) not found on PATH: run `sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends chromium hugo nats-server postgresql'`, then npm test again",
    );
    expect(m.calls).toEqual([]);
  });

  it('no apt-get: fails at once, naming the packages and the Debian command', () => {
    const m = machine(['chromium', 'nats-server', 'initdb']);
    const r = provision(m.deps);
    expect(r.code).toBe(1);
    expect(r.line).toBe(
      "pretest: hugo (the Hugo test) not found on PATH and there is no apt-get here: install hugo with this system's package manager (on Debian, as root: apt-get update && apt-get install -y --no-install-recommends hugo)",
    );
    expect(m.calls).toEqual([]);
  });

  it('a failing apt-get is one line with its last error and the command to retry', () => {
    const u = provision(machine(['apt-get'], { aptFails: 'update' }).deps);
    expect(u.code).toBe(1);
    expect(u.line).toMatch(/^pretest: apt-get update failed \(E: Could not get lock \/var\/lib\/apt\/lists\/lock\): run `apt-get update && apt-get install -y --no-install-recommends chromium hugo nats-server postgresql` to see why$/);
    const i = provision(machine(['apt-get', 'chromium', 'nats-server', 'initdb'], { aptFails: 'install' }).deps);
    expect(i.line).toBe('pretest: apt-get install hugo failed (E: Unable to locate package hugo): run `apt-get update && apt-get install -y --no-install-recommends hugo` to see why');
    const none = provision(machine(['apt-get', 'chromium', 'hugo', 'initdb'], { aptInstallsNothing: true }).deps);
    expect(none.code).toBe(1);
    expect(none.line).toMatch(/^pretest: apt-get installed nats-server but nats-server is still not on PATH/);
  });

  it('finds PostgreSQL where Debian puts it (off PATH, the newest version), or on PATH', () => {
    const lib = tmp('iw-pglib-');
    for (const v of ['13', '15']) {
      mkdirSync(join(lib, v, 'bin'), { recursive: true });
      writeFileSync(join(lib, v, 'bin', 'initdb'), '#!/bin/sh\n');
    }
    mkdirSync(join(lib, 'notaversion'));
    expect(findPostgresBin('initdb', lib)).toBe(join(lib, '15', 'bin', 'initdb'));
    expect(findPostgresBin('pg_ctl', lib)).toBeNull();
    expect(findPostgresBin('initdb', join(lib, 'missing'))).toBeNull();
    expect(findTool('sh')).toMatch(/\/sh$/); // on PATH: PATH wins
  });

  it('the tools are the four the tests drive', () => {
    expect(TEST_TOOLS.map((t) => t.bin)).toEqual(['chromium', 'hugo', 'nats-server', 'initdb']);
    expect(TEST_TOOLS.map((t) => t.pkg)).toEqual(['chromium', 'hugo', 'nats-server', 'postgresql']);
  });
});

/**
 * The real script in a child process, on a PATH that is this machine's with chromium, hugo and nats-server taken
 * out (symbolic links to every other program), and an apt-get that records its arguments and "installs" a
 * program by writing it into a folder on that PATH.
 */
describe('the pretest script on a simulated fresh machine (PATH without the tools)', () => {
  function freshPath(): { path: string; log: string; installed: string } {
    const root = tmp('iw-fresh-path-');
    const bin = join(root, 'bin');
    const installed = join(root, 'installed');
    mkdirSync(bin);
    mkdirSync(installed);
    const hidden = new Set(TEST_TOOLS.map((t) => t.bin).concat('apt-get'));
    for (const dir of (process.env.PATH ?? '').split(':')) {
      if (!dir.startsWith('/') || !existsSync(dir)) continue;
      for (const n of readdirSync(dir)) {
        if (hidden.has(n) || existsSync(join(bin, n))) continue;
        try {
          symlinkSync(join(dir, n), join(bin, n));
        } catch {
          // a name seen twice
        }
      }
    }
    const log = join(root, 'apt.log');
    // The fake apt-get: records each call; `install` writes an executable for each package named (postgresql: initdb,
    // as if on PATH: the real package puts it in /usr/lib/postgresql/<version>/bin, hidden here by INDEXWIRE_POSTGRES_LIB).
    writeFileSync(
      join(bin, 'apt-get'),
      `#!/bin/sh\necho "$@" >> '${log}'\n[ "$1" = install ] || exit 0\nfor a in "$@"; do case "$a" in -*|install|*::*) ;; *) n="$a"; [ "$a" = postgresql ] && n=initdb; printf '#!/bin/sh\\n' > '${installed}'/"$n"; chmod +x '${installed}'/"$n";; esac; done\n`,
    );
    chmodSync(join(bin, 'apt-get'), 0o755);
    return { path: `${bin}:${installed}`, log, installed };
  }

  it('hides the tools (the simulation is real), installs all four in one line, then finds them', () => {
    const { path, log } = freshPath();
    const noPostgresLib = join(path.split(':')[0] as string, '..', 'no-postgresql-lib');
    for (const t of TEST_TOOLS) expect(findOnPath(t.bin, path), t.bin).toBeNull();
    expect(findPostgresBin('initdb', noPostgresLib)).toBeNull();
    const env = { ...process.env, PATH: path, INDEXWIRE_POSTGRES_LIB: noPostgresLib };
    const first = spawnSync(process.execPath, [SCRIPT], { env, encoding: 'utf8' });
    if (process.getuid?.() === 0) {
      expect(first.stderr).toBe('');
      expect(first.stdout).toBe('pretest: installed chromium, hugo, nats-server, postgresql with apt-get (missing here; needed by the browser tests, the Hugo test, the NATS tests, the PostgreSQL tests)\n');
      expect(first.status).toBe(0);
      expect(readFileSync(log, 'utf8')).toBe(
        'update -qq -o DPkg::Lock::Timeout=300\ninstall -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 chromium hugo nats-server postgresql\n',
      );
      // A second run finds them: silent, nothing installed again.
      const again = spawnSync(process.execPath, [SCRIPT], { env, encoding: 'utf8' });
      expect([again.status, again.stdout, again.stderr]).toEqual([0, '', '']);
      expect(readFileSync(log, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    } else {
      expect(first.status).toBe(1);
      expect(first.stderr).toMatch(/^pretest: .* not found on PATH: run `sudo sh -c '.*'`, then npm test again\n$/);
      expect(existsSync(log)).toBe(false);
    }
  });
});
