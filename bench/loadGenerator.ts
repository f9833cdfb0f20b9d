import { Worker } from 'node:worker_threads';

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Paced runs only: p99 counted from each request's scheduled send time (includes client stalls). */
  readonly p99ScheduledMs?: number;
}

/** The load loop, run in a worker thread so that client and server use different cores (autocannon style). */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, connections, seconds, rate } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const lat = [];
const latSched = [];
let errors = 0;
const end = Date.now() + seconds * 1000;
const t0 = process.hrtime.bigint();
function one(intended) {
  return new Promise((resolve) => {
    const s = process.hrtime.bigint();
    const req = http.get(url, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        if (res.statusCode !== 200) errors++;
        const now = process.hrtime.bigint();
        lat.push(Number(now - s) / 1e6);
        if (intended !== undefined) latSched.push(Number(now - intended) / 1e6);
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
  });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function loop(k) {
  if (!rate) { while (Date.now() < end) await one(); return; }
  // Paced: connection k sends at t0 + (k + i * connections) / rate; latency counts from the intended
  // send time, so a stall is not hidden by sending later (no coordinated omission).
  const intervalNs = BigInt(Math.round((connections / rate) * 1e9));
  let next = t0 + BigInt(Math.round((k / rate) * 1e9));
  while (Date.now() < end) {
    const wait = Number(next - process.hrtime.bigint()) / 1e6;
    if (wait > 1) await sleep(wait);
    await one(next);
    next += intervalNs;
  }
}
Promise.all(Array.from({ length: connections }, (_, k) => loop(k))).then(() => {
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  agent.destroy();
  parentPort.postMessage({ lat: Float64Array.from(lat), latSched: Float64Array.from(latSched), errors, elapsed });
});
`;

/**
 * Sends GET `url` from `connections` keep-alive connections for `seconds`, in a worker thread:
 * as fast as possible, or paced at `ratePerSec` requests per second in total. Latency runs from the
 * request being sent to the response fully read (as wrk counts it); paced runs also give p99 from the
 * scheduled send time (`p99ScheduledMs`, free of coordinated omission but charged with client stalls).
 */
export function runLoad(url: string, connections: number, seconds: number, ratePerSec?: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { url, connections, seconds, rate: ratePerSec ?? 0 } });
    w.once('error', reject);
    w.once('message', (m: { lat: Float64Array; latSched: Float64Array; errors: number; elapsed: number }) => {
      void w.terminate();
      const lat = Array.from(m.lat).sort((a, b) => a - b);
      const sched = Array.from(m.latSched).sort((a, b) => a - b);
      const at = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
      const q = (p: number) => at(lat, p);
      resolve({
        requests: lat.length,
        errors: m.errors,
        seconds: m.elapsed,
        requestsPerSec: lat.length / m.elapsed,
        p50Ms: q(0.5),
        p99Ms: q(0.99),
        ...(sched.length > 0 ? { p99ScheduledMs: at(sched, 0.99) } : {}),
      });
    });
  });
}
