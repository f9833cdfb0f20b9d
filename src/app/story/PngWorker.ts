import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { pngRenderOptions, RESVG_PACKAGE } from './svgToPng.js';

/** The thread's code: the same resvg call as outlinedSvgToPng, one message per PNG. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
parentPort.on('message', (m) => {
  let reply;
  try {
    reply = { id: m.id, png: new Resvg(m.svg, m.options).render().asPng() };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort.postMessage(reply);
});
`;

type Reply = { id: number; png?: Uint8Array; error?: string };

/**
 * Rasterises outlined chart SVGs to PNG on a worker thread (resvg, with outlinedSvgToPng's options: the same bytes),
 * so a run of many stories draws its next charts while the thumbnails render, and the main thread never loads resvg.
 * PNGs come back in the order asked. Close it when done (it keeps the process alive until then).
 * @example const w = new PngWorker(); const png = await w.render(outlinedSvg, 800); await w.close();
 */
export class PngWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (png: Buffer) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { resvg: createRequire(import.meta.url).resolve(RESVG_PACKAGE) } });
    this.worker.on('message', (r: Reply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.png) p.resolve(Buffer.from(r.png.buffer, r.png.byteOffset, r.png.byteLength));
      else p.reject(new Error(`PNG rendering failed: ${r.error ?? 'no reply'}`));
    });
    const fail = (e: Error) => {
      this.failure = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', (e) => fail(new Error(`PNG worker failed: ${e.message}`)));
    this.worker.on('exit', (code) => fail(new Error(`PNG worker exited (code ${code})`)));
  }

  /** The PNG of an SVG whose text is glyph outlines, `widthPx` wide. @throws Error when resvg refuses the SVG. */
  render(svg: string, widthPx: number): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, svg, options: pngRenderOptions(widthPx) });
    });
  }

  /** Stops the thread (PNGs not yet rendered are refused). Idempotent. */
  async close(): Promise<void> {
    await this.worker.terminate();
    this.failure ??= new Error('PNG worker closed');
  }
}
