import type { SessionInterval } from '../calendar/TradingCalendar.js';
import type { Tick } from '../domain/tick.js';
import { LiveFactDetector, type LiveFact, type LiveFactOptions } from './LiveFactDetector.js';
import { LiveIndexCalculator } from './LiveIndexCalculator.js';
import type { LevelPublication, PublishedMember } from './levelPublication.js';
import type { LiveIndexState } from './liveIndexState.js';
import { PublicationSchedule, type PublicationSlot } from './PublicationSchedule.js';
import type { TickOutcomeCode } from './tickOutcome.js';

/** A trading halt or its end for one member, from the feed. */
export interface HaltEvent {
  readonly type: 'halt' | 'resume';
  readonly symbol: string;
  readonly timeMs: number;
}

/** Anything a tick source delivers: a trade (`type` absent or `tick`) or a halt/resume. */
export type LiveEvent = (Tick & { readonly type?: 'tick' }) | HaltEvent;

export interface LiveSessionOptions {
  /** Trading intervals of the session (UTC ms), from the calendar. */
  readonly intervals: readonly SessionInterval[];
  /** Publication cadence (ms, default 2000). */
  readonly publishEveryMs?: number;
  readonly facts?: LiveFactOptions;
  /** Leave members out of publications (levels only; for very wide indexes). Default false. */
  readonly omitMembers?: boolean;
  /**
   * More detectors run at each publication on the publication so far (e.g. the analytics layer's streaming
   * detectors, wired in app/live); their facts are appended after the built-in ones. Must be deterministic.
   */
  readonly moreFacts?: (pub: Omit<LevelPublication, 'facts'>) => readonly LiveFact[];
}

/**
 * One index's live session, driven by event time: {@link advanceTo} hands out the publications due up to a
 * time, {@link onEvent} applies a trade or a halt. Same events in the same order give byte-identical
 * publications, whatever the wall clock or the replay speed.
 * @example const s = new LiveIndexSession(state, {intervals}); s.advanceTo(tick.timeMs); s.onEvent(tick);
 */
export class LiveIndexSession {
  readonly calculator: LiveIndexCalculator;
  private readonly schedule: PublicationSchedule;
  private readonly detector: LiveFactDetector;
  private seq = 0;

  /** @throws ConfigError on an invalid state or cadence. */
  constructor(
    readonly state: LiveIndexState,
    private readonly options: LiveSessionOptions,
  ) {
    this.calculator = new LiveIndexCalculator(state, options.intervals);
    this.schedule = new PublicationSchedule(options.intervals, options.publishEveryMs ?? 2000);
    this.detector = new LiveFactDetector(state.code, state.sessionDate, options.facts);
  }

  /** Applies one event; a halt/resume returns null, a trade its outcome. Publish first with {@link advanceTo}(event time). */
  onEvent(ev: LiveEvent): TickOutcomeCode | null {
    if (ev.type === 'halt') {
      this.calculator.halt(ev.symbol);
      return null;
    }
    if (ev.type === 'resume') {
      this.calculator.resume(ev.symbol);
      return null;
    }
    return this.calculator.apply(ev as Tick);
  }

  /** Publications due at or before `timeMs` (UTC ms), each handed out once. */
  advanceTo(timeMs: number): LevelPublication[] {
    return this.schedule.due(timeMs).map((slot) => this.publish(slot));
  }

  /** Every publication left up to and including the close. */
  finish(): LevelPublication[] {
    return this.advanceTo(Infinity);
  }

  /** Time (UTC ms) of the next publication, or null after the close. */
  nextPublicationMs(): number | null {
    return this.schedule.peek()?.timeMs ?? null;
  }

  /** True once the closing publication was made. */
  closed(): boolean {
    return this.schedule.done();
  }

  private publish(slot: PublicationSlot): LevelPublication {
    const c = this.calculator;
    const level = c.level();
    const previousLevel = c.previousLevel();
    const { high, low } = c.levelHighLow();
    const members: PublishedMember[] = [];
    if (this.options.omitMembers !== true) {
      for (let i = 0; i < c.size; i++) {
        const m = c.member(i);
        members.push({
          symbol: m.symbol,
          price: m.price,
          changePct: (m.price / m.previousClose - 1) * 100,
          contributionPoints: m.contributionPoints,
          high: m.high,
          low: m.low,
          ticks: m.ticks,
          stale: m.stale,
          halted: m.halted,
        });
      }
    }
    const pub = {
      type: 'level' as const,
      index: this.state.code,
      sessionDate: this.state.sessionDate,
      seq: ++this.seq,
      timeMs: slot.timeMs,
      time: new Date(slot.timeMs).toISOString(),
      phase: slot.phase,
      final: slot.phase === 'close',
      level,
      previousLevel,
      changePoints: level - previousLevel,
      changePct: (level / previousLevel - 1) * 100,
      high,
      low,
      ticks: c.outcomeCounts(),
      members,
    };
    const facts = this.detector.detect(c, slot.timeMs);
    if (this.options.moreFacts) facts.push(...this.options.moreFacts(pub));
    return { ...pub, facts };
  }
}

/**
 * Runs a whole session over events in arrival order (pure): publications interleaved by event time, then
 * the rest up to the close.
 */
export function runLiveSession(session: LiveIndexSession, events: Iterable<LiveEvent>): LevelPublication[] {
  const out: LevelPublication[] = [];
  for (const ev of events) {
    out.push(...session.advanceTo(ev.timeMs));
    session.onEvent(ev);
  }
  out.push(...session.finish());
  return out;
}
