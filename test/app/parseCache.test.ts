import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedParse } from '../../src/app/parseCache.js';

const KEY = Symbol.for('indexwire.parseCacheDir');
const slot = globalThis as Record<symbol, unknown>;

describe('cachedParse (the compiled CLI keeps parsed configuration as JSON)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'iw-parse-cache-'));
    slot[KEY] = join(dir, 'cache');
  });
  afterEach(() => {
    delete slot[KEY];
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses a text once, then reads the same value back without parsing', () => {
    let calls = 0;
    const parse = () => {
      calls++;
      return { code: 'X', weights: [0.5, 0.25], nested: { ok: true, none: null } };
    };
    const first = cachedParse('methodology', 'code: X\n', parse);
    const second = cachedParse('methodology', 'code: X\n', parse);
    expect(calls).toBe(1);
    expect(second).toEqual(first);
    expect(readdirSync(join(dir, 'cache'))).toHaveLength(1);
  });

  it('keys by kind and text: another text or another kind parses again', () => {
    let calls = 0;
    const parse = () => ({ n: ++calls });
    expect(cachedParse('a', 't1', parse)).toEqual({ n: 1 });
    expect(cachedParse('a', 't2', parse)).toEqual({ n: 2 });
    expect(cachedParse('b', 't1', parse)).toEqual({ n: 3 });
    expect(cachedParse('a', 't1', parse)).toEqual({ n: 1 });
  });

  it('never keeps a value JSON would change (undefined, Map, Infinity) nor a failed parse', () => {
    let calls = 0;
    for (const v of [{ a: undefined }, { m: new Map([[1, 2]]) }, { x: Infinity }]) {
      const parse = () => {
        calls++;
        return v;
      };
      expect(cachedParse('odd', JSON.stringify(Object.keys(v)), parse)).toBe(v);
      expect(cachedParse('odd', JSON.stringify(Object.keys(v)), parse)).toBe(v);
    }
    expect(calls).toBe(6);
    expect(() => cachedParse('bad', 'x', () => { throw new Error('line 3: bad'); })).toThrow('line 3: bad');
    let later = 0;
    expect(cachedParse('bad', 'x', () => ++later)).toBe(1);
  });

  it('without a cache folder (running from the sources) parses every time', () => {
    delete slot[KEY];
    let calls = 0;
    cachedParse('m', 't', () => ++calls);
    cachedParse('m', 't', () => ++calls);
    expect(calls).toBe(2);
  });
});
