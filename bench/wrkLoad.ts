import { spawn, spawnSync } from 'node:child_process';
import type { LoadResult } from './loadGenerator.js';

/** True when the `wrk` load generator is installed (`apt-get install -y wrk`). */
export function hasWrk(): boolean {
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

/**
 * Runs `wrk -t1 -c<connections> -d<seconds>s --latency url` as a separate process (asynchronously, so a
 * server in this process keeps serving) and reads requests/s, p50 and p99 from its report.
 * @throws Error when wrk fails or its report cannot be read.
 */
export function runWrk(url: string, connections: number, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const p = spawn('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url]);
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
      const req = /(\d+) requests in ([\d.]+)s/.exec(out);
      const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
      const p50 = ms(/50%\s+([\d.]+)(us|ms|s)/.exec(out));
      const p99 = ms(/99%\s+([\d.]+)(us|ms|s)/.exec(out));
      if (code !== 0 || !rps || !req || p50 === null || p99 === null) return reject(new Error(`wrk failed (${code}): ${out.slice(0, 300)}`));
      resolve({
        requests: Number(req[1]),
        errors: non2xx ? Number(non2xx[1]) : 0,
        seconds: Number(req[2]),
        requestsPerSec: Number(rps[1]),
        p50Ms: p50,
        p99Ms: p99,
      });
    });
  });
}

function ms(m: RegExpExecArray | null): number | null {
  if (!m) return null;
  const x = Number(m[1]);
  return m[2] === 'us' ? x / 1000 : m[2] === 's' ? x * 1000 : x;
}
