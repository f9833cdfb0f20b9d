import { Worker } from 'node:worker_threads';

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** The load loop, run in a worker thread so that client and server use different cores (autocannon style). */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, connections, seconds } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const lat = [];
let errors = 0;
const end = Date.now() + seconds * 1000;
const t0 = process.hrtime.bigint();
function one() {
  return new Promise((resolve) => {
    const s = process.hrtime.bigint();
    const req = http.get(url, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        if (res.statusCode !== 200) errors++;
        lat.push(Number(process.hrtime.bigint() - s) / 1e6);
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
  });
}
async function loop() { while (Date.now() < end) await one(); }
Promise.all(Array.from({ length: connections }, loop)).then(() => {
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  agent.destroy();
  parentPort.postMessage({ lat: Float64Array.from(lat), errors, elapsed });
});
`;

/**
 * Sends GET `url` from `connections` keep-alive connections for `seconds`, in a worker thread.
 * Latency is measured per request, request written to response fully read.
 */
export function runLoad(url: string, connections: number, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { url, connections, seconds } });
    w.once('error', reject);
    w.once('message', (m: { lat: Float64Array; errors: number; elapsed: number }) => {
      void w.terminate();
      const lat = Array.from(m.lat).sort((a, b) => a - b);
      const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
      resolve({
        requests: lat.length,
        errors: m.errors,
        seconds: m.elapsed,
        requestsPerSec: lat.length / m.elapsed,
        p50Ms: q(0.5),
        p99Ms: q(0.99),
      });
    });
  });
}
