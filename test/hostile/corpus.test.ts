import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/sharedData.js';
import { tempDirs } from '../support/tempDirs.js';
import { CASES, type HostileCase } from './corpus.js';

const BIN = join(REPO_ROOT, 'bin/indexwire.js');
/** A case that has not answered by then hangs: it is killed and fails. */
const CASE_TIMEOUT_MS = 60_000;
const tmp = tempDirs();

interface Run { code: number | null; signal: NodeJS.Signals | null; out: string; err: string; timedOut: boolean }

function runCase(c: HostileCase, dir: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...c.args], { cwd: dir, env: { ...process.env, INDEXWIRE_NO_REBUILD: '1', NO_COLOR: '1' } });
    let out = '', err = '', timedOut = false;
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, CASE_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err, timedOut });
    });
  });
}

describe('hostile corpus: every case gets its exit code and its one-line message, none hangs', () => {
  it('has unique ids', () => {
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });
  it.concurrent.each(CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const dir = tmp(`iw-hostile-${c.id.slice(0, 20)}-`);
    for (const [name, data] of Object.entries(c.files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    const r = await runCase(c, dir);
    const where = `${c.id} (${c.about})\nstdout:\n${r.out.slice(0, 3000)}\nstderr:\n${r.err.slice(0, 3000)}`;
    expect(r.timedOut, `hung: ${where}`).toBe(false);
    expect(r.code, where).toBe(c.exit);
    expect(r.err, where).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m); // no stack trace
    const lines = `${r.out}\n${r.err}`.split('\n').map((l) => l.replace(/\s+$/, ''));
    const want = typeof c.line === 'string' ? c.line.replaceAll('$DIR', dir) : c.line;
    const hit = lines.some((l) => (typeof want === 'string' ? l.trim() === want : want.test(l.trim())));
    expect(hit, `no line ${String(want)} in ${where}`).toBe(true);
    for (const f of c.absent ?? []) expect(existsSync(join(dir, f)), `${f} left behind: ${where}`).toBe(false);
  }, CASE_TIMEOUT_MS + 10_000);
});
