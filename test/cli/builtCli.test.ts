import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { describeWithSharedData, HK_DATA, REPO_ROOT } from '../support/sharedData.js';

/** The compiled CLI (dist/, npm run build) as users run it: what --help loads, and the files found beside the sources. */
const require = createRequire(import.meta.url);
const launch = require('../../bin/launch.cjs') as {
  freshBuildDir(root: string): Promise<string>;
  BundleLoader: new (dir: string) => { loaded: Map<string, unknown>; load(name: string): unknown };
};
interface MainBundle {
  main(argv: readonly string[]): Promise<number>;
  buildProgram(): Promise<Command>;
}

const BIN = join(REPO_ROOT, 'bin/indexwire.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'iw-built-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every command path: [] for the root, ['index', 'build'], ... */
function commandPaths(c: Command, prefix: string[] = []): string[][] {
  return [prefix, ...c.commands.flatMap((s) => commandPaths(s, [...prefix, s.name()]))];
}

describe('indexwire --help and CMD --help from the build', () => {
  it('load the CLI shell only: no command bundle (DuckDB, fastify, Plot, linkedom, charts are in those)', async () => {
    const dir = await launch.freshBuildDir(REPO_ROOT);
    const paths = commandPaths(await (new launch.BundleLoader(dir).load('main.cjs') as MainBundle).buildProgram());
    expect(paths.length).toBeGreaterThan(15);
    for (const p of paths) {
      const loader = new launch.BundleLoader(dir);
      const { main } = loader.load('main.cjs') as MainBundle;
      let out = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
      try {
        expect(await main(['node', 'indexwire', ...p, '--help'])).toBe(0);
      } finally {
        vi.restoreAllMocks();
      }
      expect(out, p.join(' ')).toContain(`Usage: indexwire${p.map((w) => ` ${w}`).join('')}`);
      expect([...loader.loaded.keys()], p.join(' ')).toEqual(['main.cjs']);
    }
  }, 60_000);

  it('the CLI shell holds commander and nothing heavier: src/cli, src/core, src/domain types, src/app/defaults.ts', () => {
    const stamp = JSON.parse(readFileSync(join(REPO_ROOT, 'dist/build.json'), 'utf8')) as { packages: Record<string, string[]>; bundles: Record<string, string[]> };
    expect(stamp.packages['main.cjs']).toEqual(['commander']);
    const sources = (stamp.bundles['main.cjs'] ?? []).filter((f) => f.startsWith('src/'));
    expect(sources).toContain('src/cli/commandTable.ts');
    expect(sources.filter((f) => !/^src\/(cli|core|domain)\/|^src\/app\/defaults\.ts$/.test(f))).toEqual([]);
    // the heavy libraries are in the command bundles that need them
    expect(stamp.packages['run/story.cjs']).toEqual(expect.arrayContaining(['@observablehq/plot', 'linkedom']));
    expect(stamp.packages['run/serve.cjs']).toEqual(expect.arrayContaining(['fastify']));
  });
});

describe('the built CLI finds the files it resolves beside its sources', () => {
  it('news entities reads data/securities.yaml', () => {
    const article = join(tmp, 'tencent.md');
    writeFileSync(article, '---\ntitle: Tencent shares rise\npublished: 2025-02-07T16:10:00+08:00\n---\nTencent rose 3% in Hong Kong.\n');
    const r = cli('news', 'entities', article, '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { articles: { links: { securityId: string }[] }[] };
    expect(j.articles[0]?.links.map((l) => l.securityId)).toContain('0700.HK');
  }, 60_000);

  it('start writes the demo (methodologies/simtech.yaml, PNG charts with the DejaVu font) and serves web/dashboard', async () => {
    const out = join(tmp, 'demo');
    const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--out', out, '--json'], { cwd: REPO_ROOT });
    try {
      const summary = await new Promise<{ url: string; outputs: { stories: string } }>((done, fail) => {
        let text = '', err = '';
        child.stdout.on('data', (b: Buffer) => {
          text += b.toString();
          try {
            done(JSON.parse(text) as { url: string; outputs: { stories: string } });
          } catch {
            // not the whole JSON yet
          }
        });
        child.stderr.on('data', (b: Buffer) => (err += b.toString()));
        child.on('exit', (code) => fail(new Error(`start exited ${code}: ${err}`)));
      });
      const pngs = readFileSync(join(out, 'site', 'index.html'), 'utf8');
      expect(pngs).toContain('<html');
      const png = readdirPng(summary.outputs.stories);
      expect(png.length).toBeGreaterThan(0);
      const page = await fetch(`${summary.url}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
      expect(script, html.slice(0, 400)).toBeDefined();
      const js = await fetch(new URL(script ?? '', `${summary.url}/`));
      expect(js.status).toBe(200);
      expect((await js.text()).length).toBeGreaterThan(10_000); // the client with lightweight-charts, bundled by esbuild
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});

function readdirPng(dir: string): string[] {
  const { readdirSync } = require('node:fs') as typeof import('node:fs');
  return readdirSync(dir).filter((f) => f.endsWith('.png') && readFileSync(join(dir, f)).subarray(1, 4).toString() === 'PNG');
}

describeWithSharedData('the built CLI on the real data: methodologies/ found beside the sources', () => {
  it('index show resolves HSTECH-R to methodologies/hstech-replica.yaml', () => {
    const r = cli('index', 'show', 'HSTECH-R', '--on', '2025-02-07', '--data', HK_DATA);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^HSTECH-R 2025-02-07: /);
  }, 60_000);

  it('news why takes its contributions from methodologies/hstech-replica.yaml by default', () => {
    const r = cli('news', 'why', 'HSTECH', '--on', '2025-02-07', '--data', HK_DATA, '--members', resolve(HK_DATA, 'hstech_members.csv'), '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { contributorsNote: string };
    const methodology = join(REPO_ROOT, 'methodologies/hstech-replica.yaml');
    expect(existsSync(methodology)).toBe(true);
    expect(j.contributorsNote).toContain(`built from ${methodology}`);
  }, 120_000);
});
