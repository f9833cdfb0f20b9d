import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWithSharedData, HK_DATA, REPO_ROOT } from '../support/sharedData.js';

let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill('SIGTERM');
});

/** Starts `indexwire serve --port 0 --json` and resolves with the URL it prints. */
function serve(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [join(REPO_ROOT, 'bin/indexwire.js'), 'serve', '--port', '0', '--json', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

describeWithSharedData('indexwire serve (a real process on loopback)', () => {
  it('serves the engine index and the real data, admin tokens from the environment, a replay through /live', async () => {
    const url = await serve(['--data', HK_DATA, '--replay', '2025-02-07', '--speed', '100000'], { INDEXWIRE_ADMIN_TOKENS: 'serve-test-token-0123456789', INDEXWIRE_RATE_LIMIT: 'off' });
    const idx = (await (await fetch(`${url}/api/indexes`)).json()) as { indexes: { code: string }[] };
    expect(idx.indexes.map((i) => i.code)).toEqual(['HSTECH-R', 'HSI', 'HSTECH']); // methodologies/hstech-replica.yaml by default
    const lv = (await (await fetch(`${url}/api/indexes/HSTECH/levels?from=2025-02-07&to=2025-02-07`)).json()) as { points: { level: number }[] };
    expect(lv.points[0]?.level).toBe(5150.35);
    expect((await fetch(`${url}/api/admin/stats`)).status).toBe(401);
    const ok = await fetch(`${url}/api/admin/stats`, { headers: { authorization: 'Bearer serve-test-token-0123456789' } });
    expect(ok.status).toBe(200);
    // the replay of 2025-02-07 publishes into the live plugin's hub (a 5.5-hour session at 100,000x)
    await expect
      .poll(async () => (await fetch(`${url}/live/levels/HSTECH`)).status, { timeout: 30_000, interval: 250 })
      .toBe(200);
    const live = (await (await fetch(`${url}/live/levels/HSTECH`)).json()) as { type: string; sessionDate: string; level: number };
    expect(live).toMatchObject({ type: 'level', sessionDate: '2025-02-07' });
    expect(live.level).toBeGreaterThan(4900);
  });
});
