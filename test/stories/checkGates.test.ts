import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import { checkGates } from '../../src/stories/gates/checkGates.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { FIXTURE_MEMBERS, fixtureInput } from './fixtures.js';

const d = '2025-02-07' as SessionDate;
const withMember = (i: number, patch: object) => fixtureInput({ members: FIXTURE_MEMBERS.map((m, k) => (k === i ? { ...m, ...patch } : m)) });

describe('sanity gates', () => {
  it('pass on clean data', () => {
    expect(checkGates(fixtureInput())).toEqual([]);
  });

  it('stop a story when a member has no bar on the session (stale), and say which', () => {
    const s = writeStory(withMember(0, { bar: null }));
    expect(s.gateFailures).toEqual([{ gate: 'stale_member', symbol: 'AAA', message: 'member AAA (Alpha Tech) has no bar on 2025-02-07 (stale)' }]);
    expect(s.publishable).toBe(false);
  });

  it('stop a story when a member is missing from the data', () => {
    expect(checkGates(withMember(1, { inData: false, bar: null, previousBar: null })).map((g) => g.gate)).toEqual(['missing_member']);
  });

  it('flag a halving close with no split recorded as an unadjusted split, and accept it once the split is recorded', () => {
    // 10 -> 5.1: ratio 0.51, within 3% of 1/2
    const bar = { ...FIXTURE_MEMBERS[0]!.bar!, high: 5.2, low: 5, close: 5.1 };
    const input = withMember(0, { bar });
    const g = checkGates(input);
    expect(g).toHaveLength(1);
    expect(g[0]!.gate).toBe('unadjusted_split');
    expect(g[0]!.message).toContain('2:1 split');
    expect(checkGates({ ...input, corporateActions: [{ kind: 'split', symbol: 'AAA' as never, exDate: d, ratio: 2 }] })).toEqual([]);
  });

  it('believe a member\'s big move on a market-wide day: the members\' median moved the same way by a quarter of it (HSTECH 2022-03-16)', () => {
    // every member +15% (10 -> 11.5 style), one +45%: median +15% >= 45% / 4 = 11.25%: not a data error
    const members = FIXTURE_MEMBERS.map((m, k) => {
      const p = m.previousBar!.close;
      const c = p * (k === 0 ? 1.45 : 1.15);
      return { ...m, bar: { ...m.bar!, high: c, low: p, close: c } };
    });
    expect(checkGates(fixtureInput({ members }))).toEqual([]);
    // the same +45% when the others rose 10%: median 10% (four members: 10, 10, 10, 45 -> (10 + 10) / 2) < 11.25%:
    // refused, naming the peers' median and how to confirm
    const alone = FIXTURE_MEMBERS.map((m, k) => {
      const p = m.previousBar!.close;
      const c = p * (k === 0 ? 1.45 : 1.1);
      return { ...m, bar: { ...m.bar!, high: c, low: p, close: c } };
    });
    const g = checkGates(fixtureInput({ members: alone }));
    expect(g.map((x) => [x.gate, x.symbol])).toEqual([['implausible_move', 'AAA']]);
    expect(g[0]!.message).toContain("members' median move 10.0%");
    expect(g[0]!.message).toContain('confirm it: --confirm-move AAA');
  });

  it('flag a move beyond the plausible bound without a corporate action', () => {
    // 10 -> 16: +60% > 40% bound, not near a split ratio (1.6)
    const g = checkGates(withMember(0, { bar: { ...FIXTURE_MEMBERS[0]!.bar!, high: 16, close: 16 } }));
    expect(g.map((x) => x.gate)).toEqual(['implausible_move']);
    // the index itself: 1,180 -> 1,210 is +2.5%, within 15%; a bound of 2% trips it
    expect(checkGates(fixtureInput({ members: null }), { maxIndexMovePct: 2 }).map((x) => x.gate)).toEqual(['implausible_move']);
  });

  it('let an editor confirm a big move, and accept an index move its members corroborate', () => {
    const input = withMember(0, { bar: { ...FIXTURE_MEMBERS[0]!.bar!, high: 16, close: 16 } });
    expect(checkGates(input, { confirmedMoves: ['AAA'] })).toEqual([]);
    // index +2.5% against a 2% bound; members' median (+10%, +5%, -2%, 0%: median +2.5%) corroborates it
    expect(checkGates(fixtureInput(), { maxIndexMovePct: 2 })).toEqual([]);
  });

  it('report a symbol without a bar on the session and write nothing', () => {
    const s = writeStory(fixtureInput({ date: '2025-02-08' as SessionDate }));
    expect(s.gateFailures.map((g) => g.gate)).toContain('no_bar');
    expect(s.documents).toEqual([]);
  });
});
