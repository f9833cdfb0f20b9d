import { describe, expect, it } from 'vitest';
import { LevelPath } from '../../src/realtime/LevelPath.js';

describe('LevelPath', () => {
  it('keeps every level across chunk boundaries (65,536 a chunk) and rewrites in place', () => {
    const p = new LevelPath();
    const n = 65_536 * 2 + 10; // three chunks
    for (let k = 0; k < n; k++) expect(p.push(k * 0.5)).toBe(k);
    expect(p.length).toBe(n);
    expect(p.get(0)).toBe(0);
    expect(p.get(65_535)).toBe(32_767.5); // last of chunk 0
    expect(p.get(65_536)).toBe(32_768); // first of chunk 1
    expect(p.get(n - 1)).toBe((n - 1) * 0.5);
    p.set(65_536, -1);
    expect(p.get(65_536)).toBe(-1);
    expect(p.get(65_537)).toBe(32_768.5);
  });

  it('is empty after release and its reused memory never shows stale levels as in use', () => {
    const a = new LevelPath();
    for (let k = 0; k < 70_000; k++) a.push(7);
    a.release();
    expect(a.length).toBe(0);
    const b = new LevelPath(); // takes a released chunk: stale 7s beyond length are never read
    expect(b.length).toBe(0);
    expect(b.push(1)).toBe(0);
    expect(b.get(0)).toBe(1);
    expect(a.push(2)).toBe(0); // a released path can be appended to again
    expect(a.get(0)).toBe(2);
  });
});
