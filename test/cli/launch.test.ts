import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/sharedData.js';

/**
 * The launcher (bin/indexwire.js -> bin/launch.cjs) and the build (scripts/build.cjs) on a small project of the
 * same layout in TMPDIR, so that its sources can be changed: a missing or stale build is never run.
 */
let root = '';
let clock = Math.floor(Date.now() / 1000);

/** Writes a source file with an mtime later than any before (file systems with coarse timestamps included). */
function writeSource(rel: string, text: string): void {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  clock += 10;
  utimesSync(file, clock, clock);
}

const greeting = (word: string) => `export const greeting = (): string => '${word}';\n`;

function run(env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(root, 'bin/indexwire.js'), 'hello'], {
    cwd: root, encoding: 'utf8', env: { ...process.env, INDEXWIRE_NO_REBUILD: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function runAsync(): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [join(root, 'bin/indexwire.js'), 'hello'], { cwd: root, env: { ...process.env, INDEXWIRE_NO_REBUILD: '' } });
    let out = '', err = '';
    c.stdout.on('data', (b: Buffer) => (out += b.toString()));
    c.stderr.on('data', (b: Buffer) => (err += b.toString()));
    c.on('close', (code) => resolve({ code, out, err }));
  });
}

const currentBuild = (): string => (JSON.parse(readFileSync(join(root, 'dist/build.json'), 'utf8')) as { id: string }).id;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'iw-launch-'));
  for (const f of ['bin/indexwire.js', 'bin/launch.cjs', 'bin/buildStamp.cjs', 'scripts/build.cjs']) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    cpSync(join(REPO_ROOT, f), join(root, f));
  }
  writeFileSync(join(root, 'package.json'), '{ "name": "launch-fixture", "type": "module" }\n');
  writeFileSync(join(root, 'tsconfig.json'), '{}\n');
  // commander is bundled (a copy, so that its files are this project's node_modules); esbuild only runs
  cpSync(join(REPO_ROOT, 'node_modules/commander'), join(root, 'node_modules/commander'), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules/esbuild'), join(root, 'node_modules/esbuild'));
  writeFileSync(join(root, 'node_modules/.package-lock.json'), '{}\n');
  writeSource('src/cli/main.ts', [
    "import { Command } from 'commander';",
    "import { register } from './commands/hello.js';",
    'export async function main(argv: readonly string[]): Promise<number> {',
    "  const program = new Command('fixture');",
    '  register(program);',
    '  await program.parseAsync([...argv]);',
    '  return 0;',
    '}',
  ].join('\n'));
  writeSource('src/cli/commands/hello.ts', [
    "import type { Command } from 'commander';",
    'export function register(program: Command): void {',
    "  program.command('hello').action(async () => {",
    "    const { greeting } = await import('../../app/greeting.js');",
    '    process.stdout.write(`${greeting()}\\n`);',
    '  });',
    '}',
  ].join('\n'));
  writeSource('src/app/greeting.ts', greeting('hello v1'));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('bin/indexwire.js never runs a missing or stale build', () => {
  it('builds a missing build first, saying so in one line, then runs it', () => {
    const r = run();
    expect(r.err).toBe('indexwire: there is no build in dist/: building dist/ first (npm run build)\n');
    expect(r.out).toBe('hello v1\n');
    expect(r.code).toBe(0);
    expect(existsSync(join(root, 'dist', currentBuild(), 'main.cjs'))).toBe(true);
    expect(existsSync(join(root, 'dist', currentBuild(), 'run', 'hello.cjs'))).toBe(true);
  }, 60_000);

  it('runs a fresh build without building, and writes a V8 code cache beside each bundle it loaded', () => {
    const id = currentBuild();
    const r = run();
    expect(r).toEqual({ code: 0, out: 'hello v1\n', err: '' });
    expect(currentBuild()).toBe(id);
    expect(existsSync(join(root, 'dist', id, 'main.cjs.cache'))).toBe(true);
    expect(existsSync(join(root, 'dist', id, 'run', 'hello.cjs.cache'))).toBe(true);
  }, 60_000);

  it('ignores a code cache V8 rejects (and writes a good one)', () => {
    const cache = join(root, 'dist', currentBuild(), 'main.cjs.cache');
    writeFileSync(cache, 'not a code cache');
    expect(run()).toEqual({ code: 0, out: 'hello v1\n', err: '' });
    expect(readFileSync(cache, 'utf8')).not.toBe('not a code cache');
  }, 60_000);

  it('rebuilds when a source the command runs changed, then runs the new code', () => {
    const before = currentBuild();
    writeSource('src/app/greeting.ts', greeting('hello v2'));
    const r = run();
    expect(r.err).toBe('indexwire: src/app/greeting.ts changed since the last build: building dist/ first (npm run build)\n');
    expect(r.out).toBe('hello v2\n');
    expect(currentBuild()).not.toBe(before);
  }, 60_000);

  it('counts an install (node_modules) as a change of the bundled packages', () => {
    writeSource('node_modules/.package-lock.json', '{ "packages": {} }\n');
    const r = run();
    expect(r.err).toBe('indexwire: node_modules/.package-lock.json changed since the last build: building dist/ first (npm run build)\n');
    expect(r.out).toBe('hello v2\n');
  }, 60_000);

  it('with INDEXWIRE_NO_REBUILD=1, refuses a stale build in one line naming npm run build, and runs nothing', () => {
    writeSource('src/app/greeting.ts', greeting('hello v3'));
    const r = run({ INDEXWIRE_NO_REBUILD: '1' });
    expect(r).toEqual({ code: 1, out: '', err: 'indexwire: src/app/greeting.ts changed since the last build: run npm run build\n' });
  }, 60_000);

  it('refuses in one line, and runs nothing, when the changed sources do not compile', () => {
    writeSource('src/app/greeting.ts', "export const greeting = (): string => 'unterminated;\n");
    const r = run();
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toBe('indexwire: src/app/greeting.ts changed since the last build: building dist/ first (npm run build)');
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/^indexwire: src\/app\/greeting\.ts changed since the last build, and the build failed: .*src\/app\/greeting\.ts:1: .*\(fix it, then npm run build\)$/);
  }, 60_000);

  it('two processes that find the build stale at once both run the new sources', async () => {
    writeSource('src/app/greeting.ts', greeting('hello v4'));
    const [a, b] = await Promise.all([runAsync(), runAsync()]);
    expect(a.out).toBe('hello v4\n');
    expect(b.out).toBe('hello v4\n');
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(`${a.err}${b.err}`).toContain('src/app/greeting.ts changed since the last build: building dist/ first');
    expect(run()).toEqual({ code: 0, out: 'hello v4\n', err: '' });
  }, 60_000);
});
