import { afterAll, expect, it } from 'vitest';
import { PngWorker } from '../../../src/app/story/PngWorker.js';
import { outlinedSvgToPng } from '../../../src/app/story/svgToPng.js';

// desk run renders thumbnails on a worker thread: the bytes must be those of outlinedSvgToPng on the main thread
// (the same resvg call and options), in the order asked, and a bad SVG must fail its own PNG only.
const svg = (fill: string, w = 200, h = 100) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect x="10" y="10" width="80" height="40" fill="${fill}"/><path d="M100 90 L190 10" stroke="#333" stroke-width="3"/></svg>`;
const worker = new PngWorker();
afterAll(() => worker.close());

it('renders the same PNG bytes as outlinedSvgToPng, each at its width, in the order asked', async () => {
  const jobs = [{ s: svg('#c00'), w: 800 }, { s: svg('#0a0', 300, 300), w: 120 }, { s: svg('#00c'), w: 400 }];
  const pngs = await Promise.all(jobs.map((j) => worker.render(j.s, j.w)));
  jobs.forEach((j, i) => expect(pngs[i]!.equals(outlinedSvgToPng(j.s, j.w)), `job ${i}`).toBe(true));
  // PNG header: width and height at bytes 16-23; 800 wide for a 200x100 SVG is 800x400 (aspect kept: 100 * 800 / 200)
  expect([pngs[0]!.readUInt32BE(16), pngs[0]!.readUInt32BE(20)]).toEqual([800, 400]);
  // 120 wide for a square 300x300 SVG: 120x120
  expect([pngs[1]!.readUInt32BE(16), pngs[1]!.readUInt32BE(20)]).toEqual([120, 120]);
  expect(pngs[0]!.equals(pngs[2]!)).toBe(false); // different fills, widths: different images
});

it('a bad SVG rejects its own PNG with resvg\'s message; the next one still renders', async () => {
  await expect(worker.render('<svg', 100)).rejects.toThrow(/PNG rendering failed: /);
  expect((await worker.render(svg('#000'), 100)).equals(outlinedSvgToPng(svg('#000'), 100))).toBe(true);
});

it('after close, a render is refused instead of waiting forever', async () => {
  const w = new PngWorker();
  await w.close();
  await expect(w.render(svg('#000'), 100)).rejects.toThrow(/PNG worker (exited|closed)/);
});
