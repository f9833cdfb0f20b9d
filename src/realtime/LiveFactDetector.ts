import type { IndexCode, SecurityId, SessionDate } from '../core/units.js';
import type { Fact, FactReference } from '../domain/fact.js';
import type { LiveIndexCalculator } from './LiveIndexCalculator.js';

/** A fact found during trading, with a stable key (the same fact on a replay has the same key). */
export interface LiveFact {
  /** `HSTECH:2025-02-07:as_much_as:up:2` style: index, session, type, member, step. Idempotency keys build on it. */
  readonly key: string;
  readonly index: IndexCode;
  /** The member the fact is about, or null for the index itself. */
  readonly symbol: SecurityId | null;
  /** Publication time (UTC ms) at which it was first seen. */
  readonly timeMs: number;
  readonly fact: Fact;
}

export interface LiveFactOptions {
  /** A member whose intraday extreme moves at least this far from its previous close is reported (percent, default 8). */
  readonly memberMovePct?: number;
  /** The index's "as much as" move is reported each time it reaches a further step of this size (percent, default 1). */
  readonly indexStepPct?: number;
  /** The closing low a bull market is measured from (+20% enters bull territory during trading). */
  readonly bullReferenceLow?: FactReference;
  /** The closing peak a bear market is measured from (−20% enters bear territory during trading). */
  readonly bearReferencePeak?: FactReference;
}

/**
 * Streaming detectors on the live level, run at each publication (O(members)): the index's "as much as" move
 * against the previous close in whole steps, members moving at least `memberMovePct`, and bull/bear territory
 * entered during trading against a given reference: the previous close was short of ±20% and the session's
 * extreme reaches it (intraday basis; the close confirms, which is the EOD analytics' job). Each fact is reported once per session. These stand in until the analytics layer's streaming
 * detectors are wired in app/live.
 */
export class LiveFactDetector {
  private readonly seen = new Set<string>();
  private readonly memberMovePct: number;
  private readonly indexStepPct: number;

  constructor(
    private readonly code: IndexCode,
    private readonly sessionDate: SessionDate,
    private readonly options: LiveFactOptions = {},
  ) {
    this.memberMovePct = options.memberMovePct ?? 8;
    this.indexStepPct = options.indexStepPct ?? 1;
  }

  /** New facts at publication time `timeMs` (UTC ms), in a fixed order (index first, then members in state order). */
  detect(calc: LiveIndexCalculator, timeMs: number): LiveFact[] {
    const out: LiveFact[] = [];
    const prev = calc.previousLevel();
    const { high, low } = calc.levelHighLow();
    const upPct = (high / prev - 1) * 100;
    const downPct = (low / prev - 1) * 100;
    const upStep = Math.floor(upPct / this.indexStepPct + 1e-12);
    const downStep = Math.floor(-downPct / this.indexStepPct + 1e-12);
    if (upStep >= 1) this.add(out, `as_much_as:up:${upStep}`, null, timeMs, { type: 'as_much_as', basis: 'intraday', changePct: upPct, value: high, reference: { date: this.sessionDate, value: prev } });
    if (downStep >= 1) this.add(out, `as_much_as:down:${downStep}`, null, timeMs, { type: 'as_much_as', basis: 'intraday', changePct: downPct, value: low, reference: { date: this.sessionDate, value: prev } });
    const bull = this.options.bullReferenceLow;
    if (bull && prev < bull.value * 1.2 && high >= bull.value * 1.2) {
      this.add(out, 'bull_market:entered', null, timeMs, { type: 'bull_market', basis: 'intraday', event: 'entered', changePct: (high / bull.value - 1) * 100, value: high, reference: bull, since: bull.date });
    }
    const bear = this.options.bearReferencePeak;
    if (bear && prev > bear.value * 0.8 && low <= bear.value * 0.8) {
      this.add(out, 'bear_market:entered', null, timeMs, { type: 'bear_market', basis: 'intraday', event: 'entered', changePct: (low / bear.value - 1) * 100, value: low, reference: bear, since: bear.date });
    }
    for (let i = 0; i < calc.size; i++) {
      const m = calc.member(i);
      if (m.stale) continue;
      const mUp = (m.high / m.previousClose - 1) * 100;
      const mDown = (m.low / m.previousClose - 1) * 100;
      if (mUp >= this.memberMovePct) this.add(out, `as_much_as:up:${m.symbol}`, m.symbol, timeMs, { type: 'as_much_as', basis: 'intraday', changePct: mUp, value: m.high, detail: { symbol: m.symbol, previousClose: m.previousClose } });
      if (-mDown >= this.memberMovePct) this.add(out, `as_much_as:down:${m.symbol}`, m.symbol, timeMs, { type: 'as_much_as', basis: 'intraday', changePct: mDown, value: m.low, detail: { symbol: m.symbol, previousClose: m.previousClose } });
    }
    return out;
  }

  private add(out: LiveFact[], suffix: string, symbol: SecurityId | null, timeMs: number, fact: Fact): void {
    const key = `${this.code}:${this.sessionDate}:${suffix}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    out.push({ key, index: this.code, symbol, timeMs, fact });
  }
}
