import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import type { Fact } from '../../src/domain/fact.js';
import { headlineKey } from '../../src/stories/live/headlineFact.js';
import { initialStoryDesk, runStoryDesk, stepStoryDesk, type DeskFact, type DeskMoment, type DeskPhase } from '../../src/stories/live/storyDesk.js';
import { localTime, versionStem } from '../../src/stories/live/versionNames.js';

const S = '2025-02-07';
// 2025-02-07 in Hong Kong (UTC+8): 09:30 = 01:30Z, 12:00 = 04:00Z, 16:10 = 08:10Z.
const hk = (h: number, m: number, s = 0) => Date.UTC(2025, 1, 7, h - 8, m, s);
const bullIntraday: Fact = { type: 'bull_market', basis: 'intraday', event: 'entered', reference: { date: '2025-01-13' as SessionDate, value: 4221.92 } };
const bullClose: Fact = { ...bullIntraday, basis: 'close' };
const df = (key: string, fact: Fact, symbol: string | null = null): DeskFact => ({ key, symbol, fact });
const at = (timeMs: number, phase: DeskPhase, facts: DeskFact[] = []): DeskMoment => ({ timeMs, phase, facts });

describe('headlineKey', () => {
  it('makes a headline of a regime entered, a record, a move rarer than once a year and a big "as much as"', () => {
    expect(headlineKey(bullIntraday, 'index', S)).toBe('regime:bull_market');
    expect(headlineKey(bullClose, 'index', S)).toBe('regime:bull_market'); // same headline as its intraday twin
    expect(headlineKey({ type: 'all_time_high', basis: 'close', event: 'new' }, 'index', S)).toBe('record:high');
    expect(headlineKey({ type: 'highest_since', basis: 'intraday', since: 'record' }, 'index', S)).toBe('record:high');
    // 2025-02-07 - 2024-02-06 = 367 days >= 365: rarer than once a year; 2024-02-08 is 365 days back: also
    expect(headlineKey({ type: 'biggest_gain_since', basis: 'close', since: '2024-02-06' as SessionDate }, 'index', S)).toBe('rare_move:up');
    expect(headlineKey({ type: 'biggest_loss_since', basis: 'close', since: '2024-02-08' as SessionDate }, 'index', S)).toBe('rare_move:down');
    // 2025-02-07 - 2024-02-09 = 364 days: not rarer than once a year
    expect(headlineKey({ type: 'biggest_gain_since', basis: 'close', since: '2024-02-09' as SessionDate }, 'index', S)).toBeNull();
    // "as much as" from 3% for an index (2.86% is not), whole-percent steps; 8% for a stock
    expect(headlineKey({ type: 'as_much_as', basis: 'intraday', changePct: 2.857 }, 'index', S)).toBeNull();
    expect(headlineKey({ type: 'as_much_as', basis: 'intraday', changePct: 3.0 }, 'index', S)).toBe('as_much_as:up:3');
    expect(headlineKey({ type: 'as_much_as', basis: 'intraday', changePct: -4.2 }, 'index', S)).toBe('as_much_as:down:4');
    expect(headlineKey({ type: 'as_much_as', basis: 'intraday', changePct: 7.9 }, 'stock', S)).toBeNull();
    expect(headlineKey({ type: 'as_much_as', basis: 'intraday', changePct: 8.1 }, 'stock', S)).toBe('as_much_as:up:8');
  });

  it('makes no headline of status facts', () => {
    expect(headlineKey({ ...bullClose, event: 'in' }, 'index', S)).toBeNull();
    expect(headlineKey({ type: 'all_time_high', basis: 'close', changePct: -52.9 }, 'index', S)).toBeNull();
    expect(headlineKey({ type: 'highest_since', basis: 'close', since: '2024-10-07' as SessionDate }, 'index', S)).toBeNull();
    expect(headlineKey({ type: 'streak', basis: 'close', count: 5 }, 'index', S)).toBeNull();
  });
});

describe('stepStoryDesk', () => {
  it('files the flash on the first headline fact, updates at lunch, on a further headline and at the close', () => {
    const moments = [
      at(hk(9, 30, 2), 'open'),
      at(hk(9, 45, 0), 'open', [df('HSTECH:as_much_as:up:1', { type: 'as_much_as', basis: 'intraday', changePct: 1.2 })]),
      at(hk(10, 0, 46), 'open', [df('k1', bullIntraday), df('m1', { type: 'as_much_as', basis: 'intraday', changePct: 9 }, '0268.HK')]),
      at(hk(10, 30, 0), 'open', [df('k2', bullClose)]), // the same headline: no version
      at(hk(12, 0, 0), 'lunch'),
      at(hk(14, 0, 0), 'open', [df('k3', { type: 'as_much_as', basis: 'intraday', changePct: 3.1 })]),
      at(hk(15, 0, 0), 'open'),
      at(hk(16, 10, 0), 'close'),
      at(hk(16, 10, 0), 'close', [df('k4', { type: 'all_time_high', basis: 'close', event: 'new' })]), // after the close: ignored
    ];
    const { versions, state } = runStoryDesk(initialStoryDesk('HSTECH', 'index', S), moments);
    expect(versions.map((v) => [v.number, localTime(v.timeMs), v.reason, v.update, v.final, v.headlines.join(',')])).toEqual([
      [1, '2025-02-07 10:00:46', 'flash', false, false, 'regime:bull_market'],
      [2, '2025-02-07 12:00:00', 'lunch', true, false, ''],
      [3, '2025-02-07 14:00:00', 'fact', true, false, 'as_much_as:up:3'],
      [4, '2025-02-07 16:10:00', 'close', true, true, ''],
    ]);
    expect(state.closed).toBe(true);
    expect(state.covered).toEqual(['regime:bull_market', 'as_much_as:up:3']);
  });

  it('writes nothing on a day without a headline fact, not even at lunch or the close', () => {
    const { versions } = runStoryDesk(initialStoryDesk('HSTECH', 'index', S), [at(hk(10, 0), 'open', [df('a', { type: 'as_much_as', basis: 'intraday', changePct: 2.9 })]), at(hk(12, 0), 'lunch'), at(hk(16, 10), 'close')]);
    expect(versions).toEqual([]);
  });

  it('a flash at the close is the only version, and a lunch moment with a new headline reports it', () => {
    const a = runStoryDesk(initialStoryDesk('X', 'index', S), [at(hk(16, 10), 'close', [df('k', bullClose)])]).versions;
    expect(a.map((v) => [v.reason, v.update, v.final])).toEqual([['flash', false, true]]);
    const b = runStoryDesk(initialStoryDesk('X', 'index', S), [at(hk(10, 0), 'open', [df('k', bullIntraday)]), at(hk(12, 0), 'lunch', [df('r', { type: 'all_time_high', basis: 'close', event: 'new' })])]).versions;
    expect(b.map((v) => [v.reason, v.headlines.join()])).toEqual([['flash', 'regime:bull_market'], ['lunch', 'record:high']]);
  });

  it('refuses a moment earlier than the previous one', () => {
    const s = stepStoryDesk(initialStoryDesk('X', 'index', S), at(hk(10, 0), 'open')).state;
    expect(() => stepStoryDesk(s, at(hk(9, 59), 'open'))).toThrow(/out of order/);
  });

  it('property: versions are numbered 1..n in time order, one per moment at most, a flash first, the final one last, each headline once', () => {
    const factArb = fc.oneof(
      fc.constant<Fact>(bullIntraday),
      fc.constant<Fact>(bullClose),
      fc.constant<Fact>({ type: 'all_time_high', basis: 'close', event: 'new' }),
      fc.double({ min: -9, max: 9, noNaN: true }).map((c): Fact => ({ type: 'as_much_as', basis: 'intraday', changePct: c })),
      fc.constant<Fact>({ type: 'streak', basis: 'close', count: 4 }),
    );
    const momentArb = fc.record({ dtMs: fc.integer({ min: 0, max: 600_000 }), lunch: fc.boolean(), facts: fc.array(fc.tuple(factArb, fc.boolean()), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(momentArb, { maxLength: 40 }), fc.boolean(), (raw, withClose) => {
        let t = hk(9, 30);
        const moments: DeskMoment[] = raw.map((r, i) => {
          t += r.dtMs;
          return at(t, r.lunch ? 'lunch' : 'open', r.facts.map(([f, member], j) => df(`k${i}.${j}`, f, member ? '0700.HK' : null)));
        });
        if (withClose) moments.push(at(t + 1, 'close'));
        const { versions, state } = runStoryDesk(initialStoryDesk('HSTECH', 'index', S), moments);
        const again = runStoryDesk(initialStoryDesk('HSTECH', 'index', S), moments).versions;
        expect(again).toEqual(versions); // deterministic
        versions.forEach((v, i) => {
          expect(v.number).toBe(i + 1);
          expect(v.update).toBe(i > 0);
          if (i > 0) expect(v.timeMs).toBeGreaterThan((versions[i - 1] as { timeMs: number }).timeMs - 1);
        });
        if (versions.length > 0) expect(versions[0]?.reason).toBe('flash');
        expect(versions.filter((v) => v.final).length).toBe(withClose && versions.length > 0 ? 1 : 0);
        if (withClose && versions.length > 0) expect(versions.at(-1)?.final).toBe(true);
        const all = versions.flatMap((v) => v.headlines);
        expect(new Set(all).size).toBe(all.length);
        expect(state.covered).toEqual(expect.arrayContaining(all));
        // a member's fact never makes the subject's headline
        expect(versions.flatMap((v) => v.facts).every((f) => f.symbol === null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('versionStem', () => {
  it('names a version by the story slug and its Hong Kong time', () => {
    // 02:00:46Z + 8 h = 10:00:46 HKT
    expect(versionStem('hstech-2025-02-07', Date.UTC(2025, 1, 7, 2, 0, 46))).toBe('hstech-2025-02-07-100046');
    expect(localTime(Date.UTC(2025, 1, 7, 8, 10, 0))).toBe('2025-02-07 16:10:00');
  });
});
