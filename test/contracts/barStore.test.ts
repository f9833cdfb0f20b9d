import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { DuckDbBarStore } from '../../src/store/duckdb/DuckDbBarStore.js';
import { MemoryBarStore } from '../../src/store/memory/MemoryBarStore.js';
import type { BarStore } from '../../src/store/ports.js';
import { barStoreContract } from './barStoreContract.js';

const dir = mkdtempSync(join(tmpdir(), 'indexwire-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const paths = new WeakMap<BarStore, string>();

barStoreContract({ name: 'memory', open: async () => new MemoryBarStore() });

barStoreContract({
  name: 'duckdb file',
  propertyRuns: 6,
  async open() {
    const path = join(dir, `s${n++}.duckdb`);
    const s = await DuckDbBarStore.open(path);
    paths.set(s, path);
    return s;
  },
  async reopen(s) {
    const path = paths.get(s) as string;
    await s.close();
    return DuckDbBarStore.open(path);
  },
});
