import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregatedLevel } from '../../src/realtime/LevelAggregator.js';
import { DuckDbLiveLevelStore } from '../../src/store/duckdb/DuckDbLiveLevelStore.js';
import type { LiveLevelStore } from '../../src/store/levels/LiveLevelStore.js';
import { MemoryLiveLevelStore } from '../../src/store/levels/MemoryLiveLevelStore.js';
import { PgLiveLevelStore } from '../../src/store/postgres/PgLiveLevelStore.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres.js';

let server: ThrowawayPostgres;
beforeAll(async () => {
  server = await startThrowawayPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** A level of HSTECH at 09:30 HKT + `s` seconds on 2025-02-07 (01:30Z). */
const lvl = (s: number, level: number, index = 'HSTECH', final = false): AggregatedLevel => {
  const timeMs = Date.UTC(2025, 1, 7, 1, 30) + s * 1000;
  return {
    type: 'level', index, timeMs, time: new Date(timeMs).toISOString(), phase: final ? 'close' : 'open', final, level,
    previousLevel: 5059.38, changePct: ((level - 5059.38) / 5059.38) * 100, applied: s, rejected: 0, duplicates: 0,
  };
};

function liveLevelContract(name: string, open: () => Promise<LiveLevelStore>): void {
  describe(`LiveLevelStore contract: ${name}`, () => {
    it('keeps levels by (index, time): a redelivered level changes nothing; the latest is the one with the highest time', async () => {
      const s = await open();
      try {
        expect(await s.latestLiveLevel('HSTECH')).toBeNull();
        expect(await s.putLiveLevels([lvl(2, 5060.5), lvl(0, 5059.9), lvl(0, 1, 'HSI')])).toBe(3);
        // the same level again (a restarted aggregator), with a different body: the first one stays
        expect(await s.putLiveLevels([lvl(2, 9999)])).toBe(0);
        expect(await s.latestLiveLevel('HSTECH')).toEqual(lvl(2, 5060.5));
        expect(await s.putLiveLevels([lvl(4, 5061.25, 'HSTECH', true)])).toBe(1);
        expect(await s.latestLiveLevel('HSTECH')).toEqual(lvl(4, 5061.25, 'HSTECH', true));
        expect(await s.latestLiveLevel('HSI')).toEqual(lvl(0, 1, 'HSI'));
        expect(await s.latestLiveLevel('NOPE')).toBeNull();
        const t0 = lvl(0, 0).timeMs;
        expect((await s.liveLevels('HSTECH', t0, t0 + 2000)).map((l) => l.level)).toEqual([5059.9, 5060.5]);
        expect(await s.putLiveLevels([])).toBe(0);
      } finally {
        await s.close();
      }
    });
  });
}

liveLevelContract('memory', async () => new MemoryLiveLevelStore());
liveLevelContract('duckdb', async () => DuckDbLiveLevelStore.open(':memory:'));
liveLevelContract('postgresql', async () => PgLiveLevelStore.open(await server.createDatabase()));
