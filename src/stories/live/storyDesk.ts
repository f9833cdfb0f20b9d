import { OutOfOrderError } from '../../core/errors.js';
import type { Fact } from '../../domain/fact.js';
import { headlineKey, type HeadlineOptions } from './headlineFact.js';

/** Where the session stands at a moment: trading, the lunch break just began, or the close. */
export type DeskPhase = 'open' | 'lunch' | 'close';

/** A fact found during trading (a live fact): its stable key, the member it is about (null: the story's subject). */
export interface DeskFact {
  readonly key: string;
  readonly symbol: string | null;
  readonly fact: Fact;
}

/** One step of the desk: a publication time (UTC ms), its phase, and the facts first seen at it. */
export interface DeskMoment {
  readonly timeMs: number;
  readonly phase: DeskPhase;
  readonly facts: readonly DeskFact[];
}

/** Why a version was written: the first headline fact (the flash), a further one, the lunch break, the close. */
export type VersionReason = 'flash' | 'fact' | 'lunch' | 'close';

/** A story version the desk decided to write (what to write is the story writer's job). */
export interface StoryVersion {
  /** 1 for the flash, then 2, 3, ... */
  readonly number: number;
  /** Event time of the version (UTC ms): its front matter `date`. */
  readonly timeMs: number;
  readonly phase: DeskPhase;
  readonly reason: VersionReason;
  /** True for every version after the flash (its title ends in "— Update"). */
  readonly update: boolean;
  /** True for the close version (the last of the session). */
  readonly final: boolean;
  /** Headline keys first reported by this version (empty for a lunch or close version without new facts). */
  readonly headlines: readonly string[];
  /** The headline facts behind `headlines`, in the order they came. */
  readonly facts: readonly DeskFact[];
}

/** The desk's state for one story (one subject, one session). Immutable: each step returns a new one. */
export interface StoryDeskState {
  readonly subject: string;
  readonly kind: 'index' | 'stock';
  readonly session: string;
  readonly versions: readonly StoryVersion[];
  /** Headline keys already reported, in order. */
  readonly covered: readonly string[];
  readonly lastTimeMs: number;
  /** True once the close moment was seen: later moments are ignored. */
  readonly closed: boolean;
}

/** A fresh desk for `subject` on `session`. */
export function initialStoryDesk(subject: string, kind: 'index' | 'stock', session: string): StoryDeskState {
  return { subject, kind, session, versions: [], covered: [], lastTimeMs: -Infinity, closed: false };
}

/**
 * The live story desk as a pure state machine: fed each publication moment in time order, it says when a
 * version of the story is due.
 * - No version until a headline fact ({@link headlineKey}) about the subject appears: then the **flash**.
 * - After the flash, an **update** at the lunch break, at each further headline (a key not yet reported),
 *   and at the **close** (the final version). A moment brings at most one version; a lunch or close moment with
 *   new headlines reports them in that version.
 * - Facts about members (`symbol` set) never make the subject's headline; facts repeated under an already
 *   reported key add nothing. A session without a headline fact during trading writes nothing live (the
 *   story after the close is the `story` job's).
 * Deterministic: the same moments give the same versions; time comes only from the moments.
 * @throws OutOfOrderError when a moment is earlier than the previous one.
 * @example stepStoryDesk(initialStoryDesk('HSTECH', 'index', '2025-02-07'), {timeMs, phase: 'open', facts: [bull]}).version?.reason // 'flash'
 */
export function stepStoryDesk(state: StoryDeskState, moment: DeskMoment, opts: HeadlineOptions = {}): { state: StoryDeskState; version: StoryVersion | null } {
  if (moment.timeMs < state.lastTimeMs) {
    throw new OutOfOrderError(`story desk ${state.subject}`, state.versions.length, new Date(moment.timeMs).toISOString(), new Date(state.lastTimeMs).toISOString());
  }
  if (state.closed) return { state, version: null };
  // Most moments: trading, nothing new (no object but the state's time, no copy of the covered keys).
  if (moment.facts.length === 0 && moment.phase === 'open') return { state: { ...state, lastTimeMs: moment.timeMs }, version: null };
  const covered = new Set(state.covered);
  const fresh: { key: string; fact: DeskFact }[] = [];
  for (const f of moment.facts) {
    if (f.symbol !== null && f.symbol !== state.subject) continue;
    const key = headlineKey(f.fact, state.kind, state.session, opts);
    if (key === null || covered.has(key)) continue;
    covered.add(key);
    fresh.push({ key, fact: f });
  }
  const closed = moment.phase === 'close';
  const flashed = state.versions.length > 0;
  let reason: VersionReason | null = null;
  if (!flashed) reason = fresh.length > 0 ? 'flash' : null;
  else if (moment.phase === 'close') reason = 'close';
  else if (moment.phase === 'lunch') reason = 'lunch';
  else if (fresh.length > 0) reason = 'fact';
  const next: StoryDeskState = { ...state, lastTimeMs: moment.timeMs, closed, covered: [...state.covered, ...fresh.map((x) => x.key)] };
  if (reason === null) return { state: next, version: null };
  const version: StoryVersion = {
    number: state.versions.length + 1,
    timeMs: moment.timeMs,
    phase: moment.phase,
    reason,
    update: flashed,
    final: closed,
    headlines: fresh.map((x) => x.key),
    facts: fresh.map((x) => x.fact),
  };
  return { state: { ...next, versions: [...state.versions, version] }, version };
}

/** Runs the desk over moments in order (pure): every version written. */
export function runStoryDesk(initial: StoryDeskState, moments: Iterable<DeskMoment>, opts: HeadlineOptions = {}): { state: StoryDeskState; versions: StoryVersion[] } {
  let state = initial;
  const versions: StoryVersion[] = [];
  for (const m of moments) {
    const r = stepStoryDesk(state, m, opts);
    state = r.state;
    if (r.version) versions.push(r.version);
  }
  return { state, versions };
}
