import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from './waitUntil.js';

/** A NATS JetStream server for tests: NATS_URL when set (CI), else a `nats-server -js` spawned on a free loopback port. */
export interface NatsFixture {
  readonly url: string;
  stop(): Promise<void>;
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

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const c = tcpConnect(port, '127.0.0.1', () => {
      c.destroy();
      resolve(true);
    });
    c.on('error', () => resolve(false));
  });

export async function startNats(): Promise<NatsFixture> {
  if (process.env.NATS_URL) return { url: process.env.NATS_URL, stop: async () => {} };
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'iw-nats-'));
  const child: ChildProcess = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], { stdio: 'ignore' });
  let failed: Error | null = null;
  child.on('error', (e) => (failed = e));
  const stop = async (): Promise<void> => {
    // Stopped for good (SIGKILL after 5 s), and its JetStream folder removed, whatever state it is in.
    if (child.exitCode === null && child.signalCode === null && failed === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Until it accepts connections (slow on a loaded machine); a failed spawn ends the wait at once.
    await waitUntil(async () => {
      if (failed) throw new Error(`cannot start nats-server (npm test installs it; or apt-get install -y nats-server): ${(failed as Error).message}`);
      if (child.exitCode !== null) throw new Error(`nats-server exited with code ${child.exitCode} before accepting connections`);
      return canConnect(port);
    }, `nats-server on port ${port}`, { stepMs: 50, maxWaitMs: 30_000 });
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: `nats://127.0.0.1:${port}`, stop };
}
