import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, asIndexCode, asSecurityId, asSessionDate, type SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import type { IndexSession } from '../../src/domain/indexLevel.js';
import type { Security } from '../../src/domain/security.js';
import type { BarStore } from '../../src/store/ports.js';

/** Opens a fresh, empty store; `reopen` (when the store persists) closes it and opens the same data again. */
export interface StoreFactory {
  readonly name: string;
  open(): Promise<BarStore>;
  reopen?(store: BarStore): Promise<BarStore>;
  /** Runs of the property test (default 12; fewer for stores that are slow to open). */
  readonly propertyRuns?: number;
}

const d = asSessionDate;
const X = asSecurityId('0700.HK');
const bar = (date: string, close: number, extra: Partial<Bar> = {}): Bar => ({
  date: date as SessionDate, open: close, high: close + 1, low: close - 1, close, adjClose: close, volume: 1000, ...extra,
});
const THREE: Bar[] = [bar('2025-01-02', 100), bar('2025-01-03', 101, { adjClose: null, volume: null }), bar('2025-01-06', 102.5)];

/** One contract for every {@link BarStore}: run it with each implementation's factory. */
export function barStoreContract(f: StoreFactory): void {
  describe(`BarStore contract: ${f.name}`, () => {
    const withStore = async (fn: (s: BarStore) => Promise<void>): Promise<void> => {
      const s = await f.open();
      try {
        await fn(s);
      } finally {
        await s.close();
      }
    };

    it('stores bars and reads them back in date order, nulls kept, with date bounds', () =>
      withStore(async (s) => {
        const r = await s.putBars(X, [...THREE].reverse().sort((a, b) => (a.date < b.date ? -1 : 1)), 'a.csv');
        expect(r).toEqual({ written: 3, skipped: 0, rejected: 0, issues: [] });
        expect(await s.getBars(X)).toEqual(THREE);
        expect(await s.getBars(X, d('2025-01-03'))).toEqual(THREE.slice(1));
        expect(await s.getBars(X, d('2025-01-03'), d('2025-01-03'))).toEqual([THREE[1]]);
        expect(await s.getBars(X, undefined, d('2025-01-02'))).toEqual([THREE[0]]);
        expect(await s.getBars(asSecurityId('NOPE'))).toEqual([]);
        expect(await s.symbols()).toEqual([X]);
        expect(await s.barCounts()).toEqual([{ symbol: X, bars: 3, first: '2025-01-02', last: '2025-01-06' }]);
      }));

    it('re-importing the same rows writes nothing; a changed row is written once', () =>
      withStore(async (s) => {
        await s.putBars(X, THREE, 'a.csv');
        expect(await s.putBars(X, THREE, 'a.csv')).toEqual({ written: 0, skipped: 3, rejected: 0, issues: [] });
        const changed = [THREE[0] as Bar, { ...(THREE[1] as Bar), volume: 5 }, THREE[2] as Bar];
        expect(await s.putBars(X, changed, 'b.csv')).toEqual({ written: 1, skipped: 2, rejected: 0, issues: [] });
        expect((await s.getBars(X))[1]?.volume).toBe(5);
        // a later batch adds without deleting what is not in it
        expect(await s.putBars(X, [bar('2025-01-07', 103)], 'c.csv')).toMatchObject({ written: 1, skipped: 0 });
        expect(await s.getBars(X)).toHaveLength(4);
      }));

    it('refuses a whole batch with one bad bar, and keeps what was stored before', () =>
      withStore(async (s) => {
        await s.putBars(X, THREE, 'a.csv');
        const bad = [bar('2025-01-07', 50), bar('2025-01-08', 51, { high: 10, low: 20 }), bar('2025-01-09', Number.NaN)];
        const r = await s.putBars(X, bad, 'b.csv');
        expect(r).toEqual({
          written: 0,
          skipped: 0,
          rejected: 3,
          issues: [
            'b.csv: 0700.HK 2025-01-08: field "high": value "10" below low 20',
            'b.csv: 0700.HK 2025-01-09: field "open": value "NaN" price must be a positive finite number',
          ],
        });
        expect(await s.getBars(X)).toEqual(THREE);
      }));

    it('refuses duplicate or unordered dates, non-bracketing high/low, zero prices and negative volume', () =>
      withStore(async (s) => {
        const cases: Array<[Bar[], string]> = [
          [[bar('2025-01-02', 10), bar('2025-01-02', 20)], 'x: 0700.HK 2025-01-02: field "date": value "2025-01-02" duplicate date'],
          [[bar('2025-01-03', 10), bar('2025-01-02', 20)], 'x: 0700.HK 2025-01-02: field "date": value "2025-01-02" out of order after 2025-01-03'],
          [[bar('2025-01-02', 10, { high: 10.5, low: 9.8, open: 11 })], 'x: 0700.HK 2025-01-02: field "high": value "10.5" high/low 10.5/9.8 do not bracket open 11 and close 10'],
          [[bar('2025-01-02', 10, { open: 0 })], 'x: 0700.HK 2025-01-02: field "open": value "0" price must be a positive finite number'],
          [[bar('2025-01-02', 10, { volume: -1 })], 'x: 0700.HK 2025-01-02: field "volume": value "-1" must be non-negative or null'],
          [[bar('2025-01-02', 10, { adjClose: 0 })], 'x: 0700.HK 2025-01-02: field "adjClose": value "0" must be positive or null'],
          [[bar('2025-02-30', 10)], 'x: 0700.HK 2025-02-30: field "date": value "2025-02-30" not a date (YYYY-MM-DD)'],
        ];
        for (const [bars, msg] of cases) {
          const r = await s.putBars(X, bars, 'x');
          expect(r.issues).toEqual([msg]);
          expect(r).toMatchObject({ written: 0, skipped: 0, rejected: bars.length });
        }
        expect(await s.symbols()).toEqual([]);
        expect(await s.putBars(X, [], 'x')).toEqual({ written: 0, skipped: 0, rejected: 0, issues: [] });
      }));

    it('keeps securities by id, idempotently', () =>
      withStore(async (s) => {
        const secs: Security[] = [
          { id: asSecurityId('9988.HK'), kind: 'stock', name: 'Alibaba Group', nameZhHant: '阿里巴巴', currency: 'HKD', exchange: 'XHKG' },
          { id: asSecurityId('0700.HK'), kind: 'stock', name: 'Tencent', currency: 'HKD', exchange: 'XHKG', sharesOutstanding: 9.2e9, freeFloatFactor: 0.7 },
        ];
        expect(await s.putSecurities(secs)).toMatchObject({ written: 2, skipped: 0 });
        expect(await s.putSecurities(secs)).toMatchObject({ written: 0, skipped: 2 });
        expect(await s.getSecurities()).toEqual([secs[1], secs[0]]);
        expect(await s.putSecurities([{ ...(secs[1] as Security), name: 'Tencent Holdings' }])).toMatchObject({ written: 1 });
        expect((await s.getSecurities())[0]?.name).toBe('Tencent Holdings');
      }));

    it('replaces memberships of one index atomically, in the given order', () =>
      withStore(async (s) => {
        const code = asIndexCode('HSTECH');
        const ms = [
          { symbol: asSecurityId('9863.HK'), name: 'Leapmotor', from: d('2025-12-08'), to: null },
          { symbol: asSecurityId('0700.HK'), name: 'Tencent Holdings', from: null, to: null },
          { symbol: asSecurityId('9898.HK'), name: 'Weibo', from: null, to: d('2024-12-09') },
        ];
        expect(await s.putMemberships(code, ms, 'm.csv')).toMatchObject({ written: 3, skipped: 0 });
        expect(await s.putMemberships(code, ms, 'm.csv')).toMatchObject({ written: 0, skipped: 3 });
        expect(await s.getMemberships(code)).toEqual(ms);
        expect(await s.putMemberships(code, ms.slice(1), 'm.csv')).toMatchObject({ written: 2 });
        expect(await s.getMemberships(code)).toEqual(ms.slice(1));
        expect(await s.getMemberships(asIndexCode('OTHER'))).toEqual([]);
      }));

    it('stores engine sessions by (code, date), with date bounds, idempotently', () =>
      withStore(async (s) => {
        const code = asIndexCode('SIMTECH');
        const mk = (date: string, level: number, prev: number | null): IndexSession => ({
          code, date: d(date), level, levelTr: level * 1.01, divisor: 1e6, divisorTr: 1e6, previousLevel: prev,
          constituents: [{ symbol: X, weight: 1, indexShares: 10, price: level / 10, previousPrice: 1, change: 0.01, contributionPoints: 1.5, stale: false }],
          events: date === '2025-01-02' ? ['base'] : [],
        });
        const ss = [mk('2025-01-02', 1000, null), mk('2025-01-03', 1010.5, 1000)];
        expect(await s.putIndexSessions(ss)).toMatchObject({ written: 2, skipped: 0 });
        expect(await s.putIndexSessions(ss)).toMatchObject({ written: 0, skipped: 2 });
        expect(await s.getIndexSessions(code)).toEqual(ss);
        expect(await s.getIndexSessions(code, d('2025-01-03'))).toEqual([ss[1]]);
        // a changed session is rewritten, the other skipped; a batch with a repeated day is refused whole
        const moved = mk('2025-01-03', 1011, 1000);
        expect(await s.putIndexSessions([ss[0] as IndexSession, moved])).toMatchObject({ written: 1, skipped: 1 });
        expect(await s.getIndexSessions(code)).toEqual([ss[0], moved]);
        expect(await s.putIndexSessions([mk('2025-01-06', 1, 1), mk('2025-01-06', 2, 1)])).toEqual({
          written: 0, skipped: 0, rejected: 2, issues: ['index sessions: SIMTECH 2025-01-06: duplicate session in one batch'],
        });
        expect(await s.getIndexSessions(code)).toHaveLength(2);
      }));

    it('reads several symbols at once, and the last N bars on or before a date', () =>
      withStore(async (s) => {
        const Y = asSecurityId('9988.HK');
        await s.putBars(X, THREE, 'a.csv');
        await s.putBars(Y, [bar('2024-12-30', 80), bar('2025-01-03', 81)], 'b.csv');
        const many = await s.getBarsMany([X, Y, asSecurityId('NOPE')], d('2025-01-03'), d('2025-01-06'));
        expect([...many.keys()].sort()).toEqual([X, Y]);
        expect(many.get(X)).toEqual(THREE.slice(1));
        expect(many.get(Y)).toEqual([bar('2025-01-03', 81)]);
        expect(await s.getBarsMany([])).toEqual(new Map());
        // the bar on the session and the one before it, however far back (Y did not trade on 2025-01-02)
        const last = await s.lastBars([X, Y], d('2025-01-02'), 2);
        expect(last.get(X)).toEqual([THREE[0]]);
        expect(last.get(Y)).toEqual([bar('2024-12-30', 80)]);
        expect((await s.lastBars([X], d('2025-01-06'), 2)).get(X)).toEqual(THREE.slice(1));
        expect((await s.lastBars([X], d('2024-01-01'), 2)).has(X)).toBe(false);
      }));

    it('counts bar revisions and tells the earliest date each later write touched', () =>
      withStore(async (s) => {
        expect(await s.barRevision()).toBe(0);
        await s.putBars(X, THREE, 'a.csv');
        expect(await s.barRevision()).toBe(1);
        await s.putBars(X, THREE, 'a.csv'); // nothing written: no new revision
        expect(await s.barRevision()).toBe(1);
        await s.putBars(X, [...THREE, bar('2025-01-07', 103)], 'b.csv'); // only the new session is written
        expect(await s.barRevision()).toBe(2);
        expect(await s.barChangesSince(1)).toEqual(new Map([[X, '2025-01-07']]));
        await s.putBars(X, [{ ...(THREE[1] as Bar), close: 101.5 }], 'c.csv'); // a correction of 2025-01-03
        expect(await s.barChangesSince(1)).toEqual(new Map([[X, '2025-01-03']]));
        expect(await s.barChangesSince(3)).toEqual(new Map());
        expect(await s.barChangesSince(0)).toEqual(new Map([[X, '2025-01-02']]));
      }));

    it('keeps corporate actions by (symbol, exDate, kind), idempotently, and refuses a bad batch whole', () =>
      withStore(async (s) => {
        const split = { kind: 'split', symbol: X, exDate: d('2025-01-06'), ratio: 2 } as const;
        const div = { kind: 'cash_dividend', symbol: X, exDate: d('2025-01-03'), amount: 1.2 } as const;
        expect(await s.putActions([split, div], 'a.json')).toMatchObject({ written: 2, skipped: 0 });
        expect(await s.putActions([split, div], 'a.json')).toMatchObject({ written: 0, skipped: 2 });
        expect(await s.getActions()).toEqual([div, split]); // by exDate
        expect(await s.putActions([{ ...div, amount: 1.5 }], 'b.json')).toMatchObject({ written: 1, skipped: 0 });
        const bad = await s.putActions([{ ...split, exDate: d('2025-02-03') }, { ...div, amount: -1 }], 'c.json');
        expect(bad).toEqual({ written: 0, skipped: 0, rejected: 2, issues: ['c.json: 0700.HK 2025-01-03 cash_dividend: field "amount": value "-1" must be a number > 0'] });
        expect(await s.getActions()).toEqual([{ ...div, amount: 1.5 }, split]);
      }));

    it('lists membership codes; deletes index sessions from a date; keeps one engine state per index', () =>
      withStore(async (s) => {
        await s.putMemberships(asIndexCode('HSTECH'), [{ symbol: X, name: 'Tencent', from: null, to: null }], 'm.csv');
        await s.putMemberships(asIndexCode('HSI'), [{ symbol: X, name: 'Tencent', from: null, to: null }], 'm.csv');
        expect(await s.membershipCodes()).toEqual(['HSI', 'HSTECH']);
        const C = asIndexCode('T');
        const sess = (date: string): IndexSession => ({ code: C, date: d(date), level: 100, levelTr: 100, divisor: 1, divisorTr: 1, previousLevel: null, constituents: [], events: [] });
        await s.putIndexSessions([sess('2025-01-02'), sess('2025-01-03'), sess('2025-01-06')]);
        expect(await s.deleteIndexSessions(C, d('2025-01-03'))).toBe(2);
        expect((await s.getIndexSessions(C)).map((x) => x.date)).toEqual(['2025-01-02']);
        expect(await s.deleteIndexSessions(C)).toBe(1);
        expect(await s.getIndexState(C)).toBeNull();
        const st = { code: C, fingerprint: 'f1', date: d('2025-01-03'), barRevision: 7, state: '{"x":1}' };
        await s.putIndexState(st);
        await s.putIndexState({ ...st, date: d('2025-01-06'), barRevision: 8 });
        expect(await s.getIndexState(C)).toEqual({ ...st, date: '2025-01-06', barRevision: 8 });
      }));

    if (f.reopen) {
      const reopen = f.reopen.bind(f);
      it('keeps everything after close and reopen', async () => {
        let s = await f.open();
        await s.putBars(X, THREE, 'a.csv');
        s = await reopen(s);
        try {
          expect(await s.getBars(X)).toEqual(THREE);
          expect(await s.putBars(X, THREE, 'a.csv')).toMatchObject({ written: 0, skipped: 3 });
        } finally {
          await s.close();
        }
      });
    }

    it('property: storing random batches in chunks equals storing them at once; re-storing writes 0', async () => {
      const arbBar = fc.record({
        close: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        spread: fc.double({ min: 0, max: 0.2, noNaN: true }),
        openUp: fc.boolean(),
        volume: fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: null }),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(arbBar, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 7 }), async (raw, chunk) => {
          const bars: Bar[] = raw.map((r, i) => {
            const open = r.openUp ? r.close * (1 + r.spread / 2) : r.close * (1 - r.spread / 2);
            return {
              date: addDays(d('2020-01-01'), i) as SessionDate, open, close: r.close,
              high: Math.max(open, r.close) * (1 + r.spread), low: Math.min(open, r.close) / (1 + r.spread),
              adjClose: null, volume: r.volume,
            };
          });
          const a = await f.open();
          const b = await f.open();
          try {
            await a.putBars(X, bars, 'all');
            let written = 0;
            for (let i = 0; i < bars.length; i += chunk) written += (await b.putBars(X, bars.slice(i, i + chunk), 'chunks')).written;
            expect(written).toBe(bars.length);
            expect(await b.getBars(X)).toEqual(await a.getBars(X));
            expect(await a.getBars(X)).toEqual(bars);
            expect((await b.putBars(X, bars, 'again')).written).toBe(0);
          } finally {
            await a.close();
            await b.close();
          }
        }),
        { numRuns: f.propertyRuns ?? 12 },
      );
    });
  });
}
