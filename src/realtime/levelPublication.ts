import type { IndexCode, SecurityId, SessionDate } from '../core/units.js';
import type { LiveFact } from './LiveFactDetector.js';
import type { TickOutcomeName } from './tickOutcome.js';

/** One member in a publication. Prices in the security's currency; `changePct` in percent (2.9 = +2.9%). */
export interface PublishedMember {
  readonly symbol: SecurityId;
  readonly price: number;
  readonly changePct: number;
  readonly contributionPoints: number;
  readonly high: number;
  readonly low: number;
  readonly ticks: number;
  readonly stale: boolean;
  readonly halted: boolean;
}

/**
 * What the live service publishes every 2 s (and at the lunch break and the close) for one index: the JSON
 * message of WebSocket subscribers, NATS `levels.<index>` subjects and `indexwire replay --json`.
 */
export interface LevelPublication {
  readonly type: 'level';
  readonly index: IndexCode;
  readonly sessionDate: SessionDate;
  /** 1, 2, ... within the session. */
  readonly seq: number;
  /** Publication time, UTC ms; reflects every tick with an earlier time. */
  readonly timeMs: number;
  /** The same instant, ISO 8601 UTC. */
  readonly time: string;
  readonly phase: 'open' | 'lunch' | 'close';
  /** True on the closing publication. */
  readonly final: boolean;
  /** Index points. */
  readonly level: number;
  readonly previousLevel: number;
  readonly changePoints: number;
  /** Percent. */
  readonly changePct: number;
  readonly high: number;
  readonly low: number;
  /** Ticks counted since the open, by outcome (applied, corrected, duplicate, out_of_order, ...). */
  readonly ticks: Readonly<Record<TickOutcomeName, number>>;
  readonly members: readonly PublishedMember[];
  /** Facts first seen since the previous publication. */
  readonly facts: readonly LiveFact[];
}

/** The publication as one line of JSON (field order fixed, numbers unrounded): byte-identical on a replay. */
export function serializePublication(p: LevelPublication): string {
  return JSON.stringify(p);
}
