import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../support/runCli.js';
import { FIXTURE_BARS } from './fixtures.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const [code, out, err] = await runCli(args);
  return { code, out, err };
}

describe('indexwire story and site build (CLI, in process)', () => {
  const root = mkdtempSync(join(tmpdir(), 'iw-cli-'));
  const data = join(root, 'data');
  mkdirSync(data);
  const csv = ['date,open,high,low,close,adj_close,volume', ...FIXTURE_BARS.map((b) => `${b.date},${b.open},${b.high},${b.low},${b.close},,`)].join('\n');
  writeFileSync(join(data, 'TECHX.csv'), `${csv}\n`);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes a story for a symbol alone and prints JSON', async () => {
    const r = await run(['story', 'TECHX', '--on', '2025-02-07', '--data', data, '--out', join(root, 'stories'), '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { published: boolean; headlines: Record<string, string>; files: string[] };
    expect(j.published).toBe(true);
    // no facts from members; analytics sees 1210 / 1180 - 1 = 2.5%
    expect(j.headlines['en']).toMatch(/^TECHX /);
    expect(j.files.map((f) => f.split('/').pop())).toContain('techx-2025-02-07.zh-Hant.md');
    expect(readFileSync(join(root, 'stories', 'techx-2025-02-07.en.md'), 'utf8')).toContain('lang:\n  - "en"');
  });

  it('refuses an unknown language with one line naming the option', async () => {
    const r = await run(['story', 'TECHX', '--on', '2025-02-07', '--data', data, '--out', join(root, 'x'), '--lang', 'en,fr']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('indexwire: error: --lang: unknown language "fr" (known: en, zh-Hant)\n');
    expect(existsSync(join(root, 'x'))).toBe(false);
  });

  it('says which session is missing', async () => {
    const r = await run(['story', 'TECHX', '--on', '2025-02-08', '--data', data, '--out', join(root, 'y')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^indexwire: error: .*TECHX.*2025-02-08.*\n$/);
  });

  it('stops a story whose member is missing from the data, says why on one line, and writes nothing', async () => {
    writeFileSync(join(root, 'members.csv'), 'symbol,name,from,to\nNOPE.HK,Nope Holdings,,\n');
    const r = await run(['story', 'TECHX', '--on', '2025-02-07', '--data', data, '--members', join(root, 'members.csv'), '--out', join(root, 'stopped')]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('indexwire: error: story techx-2025-02-07 not published: missing_member: member NOPE.HK (Nope Holdings) has no price series in the data\n');
    expect(existsSync(join(root, 'stopped'))).toBe(false);
  });

  it('builds the site from the stories folder', async () => {
    const r = await run(['site', 'build', '--stories', join(root, 'stories'), '--out', join(root, 'site'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ stories: 2, issues: [] });
    expect(existsSync(join(root, 'site', 'stories', 'techx-2025-02-07.en.html'))).toBe(true);
  });
});
