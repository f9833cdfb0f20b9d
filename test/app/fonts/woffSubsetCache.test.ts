import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedWoffSubset, WOFF_SUBSETS_KEPT } from '../../../src/app/fonts/woffSubsetCache.js';

const KEY = { path: '/fonts/Noto.ttf', size: 7_000_000, mtimeMs: 1_700_000_000_000 };

describe('cachedWoffSubset: a chart\'s font subset is made once per build and text', () => {
  let root: string;
  let cacheDir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'iw-woff-cache-'));
    cacheDir = join(root, 'cache');
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const counting = () => {
    let calls = 0;
    return { make: (bytes: number[]) => () => { calls++; return new Uint8Array(bytes); }, calls: () => calls };
  };

  it('makes it once, then reads the same bytes back; another text, font size or time makes it again', () => {
    const c = counting();
    expect([...cachedWoffSubset(cacheDir, KEY, '聯想', c.make([1, 2, 3]))]).toEqual([1, 2, 3]);
    expect([...cachedWoffSubset(cacheDir, KEY, '聯想', c.make([9]))]).toEqual([1, 2, 3]);
    expect(c.calls()).toBe(1);
    cachedWoffSubset(cacheDir, KEY, '小米', c.make([4]));
    cachedWoffSubset(cacheDir, { ...KEY, size: KEY.size + 1 }, '聯想', c.make([5]));
    cachedWoffSubset(cacheDir, { ...KEY, mtimeMs: KEY.mtimeMs + 1 }, '聯想', c.make([6]));
    expect(c.calls()).toBe(4);
    // 4 files (one per font key and text), each 32 bytes of SHA-256 then the subset; no temporary file left
    const files = readdirSync(join(cacheDir, 'subsets'));
    expect(files).toHaveLength(4);
    expect(files.every((f) => f.endsWith('.woff'))).toBe(true);
  });

  it('a damaged file (a changed byte, a truncated file) is not used: the subset is made again and kept', () => {
    const c = counting();
    cachedWoffSubset(cacheDir, KEY, '聯想', c.make([1, 2, 3]));
    const file = join(cacheDir, 'subsets', readdirSync(join(cacheDir, 'subsets'))[0] as string);
    const good = readFileSync(file);
    const changed = Buffer.from(good);
    changed[33] = 7; // the subset's second byte, 2 -> 7
    for (const bad of [changed, good.subarray(0, 34), Buffer.alloc(0)]) {
      writeFileSync(file, bad);
      expect([...cachedWoffSubset(cacheDir, KEY, '聯想', c.make([1, 2, 3]))]).toEqual([1, 2, 3]);
      expect(readFileSync(file).equals(good)).toBe(true);
    }
    expect(c.calls()).toBe(4); // 1 + one for each of the 3 damaged files
  });

  it(`keeps at most ${WOFF_SUBSETS_KEPT} subsets: past that the oldest quarter goes`, () => {
    const dir = join(cacheDir, 'subsets');
    mkdirSync(dir, { recursive: true });
    // WOFF_SUBSETS_KEPT old files (times 1..512 s after the epoch), then one new subset: 513 > 512, so the
    // oldest ceil(512 / 4) = 128 go and 513 - 128 = 385 stay
    for (let i = 1; i <= WOFF_SUBSETS_KEPT; i++) {
      const f = join(dir, `old-${String(i).padStart(3, '0')}.woff`);
      writeFileSync(f, 'x');
      utimesSync(f, i, i);
    }
    cachedWoffSubset(cacheDir, KEY, 'new', () => new Uint8Array([1]));
    const left = readdirSync(dir);
    expect(left).toHaveLength(WOFF_SUBSETS_KEPT + 1 - WOFF_SUBSETS_KEPT / 4);
    expect(left).not.toContain('old-128.woff');
    expect(left).toContain('old-129.woff');
  });

  it('keeps nothing when the build folder holding the cache is gone', () => {
    const gone = join(root, 'removed-build', 'cache');
    expect([...cachedWoffSubset(gone, KEY, 'x', () => new Uint8Array([7]))]).toEqual([7]);
    expect(existsSync(join(root, 'removed-build'))).toBe(false);
  });
});
