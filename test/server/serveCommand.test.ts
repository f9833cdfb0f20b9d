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
  it('serves the engine index and the real data, with admin tokens from the environment', async () => {
    const url = await serve(['--data', HK_DATA], { INDEXWIRE_ADMIN_TOKENS: 'serve-test-token-0123456789', INDEXWIRE_RATE_LIMIT: 'off' });
    const idx = (await (await fetch(`${url}/api/indexes`)).json()) as { indexes: { code: string }[] };
    expect(idx.indexes.map((i) => i.code)).toEqual(['HSTECH-R', 'HSI', 'HSTECH']); // methodologies/hstech-replica.yaml by default
    const lv = (await (await fetch(`${url}/api/indexes/HSTECH/levels?from=2025-02-07&to=2025-02-07`)).json()) as { points: { level: number }[] };
    expect(lv.points[0]?.level).toBe(5150.35);
    expect((await fetch(`${url}/api/admin/stats`)).status).toBe(401);
    const ok = await fetch(`${url}/api/admin/stats`, { headers: { authorization: 'Bearer serve-test-token-0123456789' } });
    expect(ok.status).toBe(200);
    expect((await fetch(`${url}/live/levels/HSTECH`)).status).toBe(404); // live plugin mounted, nothing published yet
  });
});
