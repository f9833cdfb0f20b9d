import { DETECTORS } from '../../analytics/registry.js';
import type { DetectorSpec, StreamingDetector } from '../../analytics/detector.js';
import type { IndexCode, SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { Fact } from '../../domain/fact.js';
import type { LevelPublication } from '../../realtime/levelPublication.js';
import type { LiveFact, LiveFactOptions } from '../../realtime/LiveFactDetector.js';

/**
 * The analytics layer's streaming detectors run on the live level: each detector is fed the index's daily
 * history, then, at every publication, the session so far as a provisional bar (open = the first published
 * level, high/low = the level's session extremes, close = the level now), replacing the previous provisional
 * bar (`update(bar, replace)`). A fact is reported once per session, and only when it is news during trading
 * (see {@link isLiveNews}): status facts true before the open ("in a bull market", "6% below the 52-week high")
 * are left out. Close-basis facts seen during trading carry `detail.provisional: true`
 * (the close confirms them).
 * @returns the `moreFacts` hook of LiveIndexSession.
 */
export function analyticsLiveFacts(
  code: IndexCode,
  sessionDate: SessionDate,
  history: readonly Bar[],
  specs: readonly DetectorSpec[] = DETECTORS,
): (pub: Omit<LevelPublication, 'facts'>) => LiveFact[] {
  const onBar = analyticsBarFacts(code, sessionDate, history, specs);
  let open: number | null = null;
  return (pub) => {
    open ??= pub.level;
    const bar: Bar = { date: sessionDate, open, high: Math.max(pub.high, open, pub.level), low: Math.min(pub.low, open, pub.level), close: pub.level, adjClose: null, volume: null };
    return onBar(bar, pub.timeMs, pub.final);
  };
}

/**
 * The same detectors fed a provisional bar of the session as it stands (e.g. the official index's own levels:
 * open, high, low, last), each call replacing the previous one. Facts as {@link analyticsLiveFacts}.
 * @returns `(bar, timeMs, final)`: the facts first seen with this bar.
 */
export function analyticsBarFacts(
  code: IndexCode,
  sessionDate: SessionDate,
  history: readonly Bar[],
  specs: readonly DetectorSpec[] = DETECTORS,
): (bar: Bar, timeMs: number, final: boolean) => LiveFact[] {
  const past = history.filter((b) => b.date < sessionDate);
  const dets: { id: string; det: StreamingDetector }[] = specs.map((s) => {
    const det = s.create();
    for (const b of past) det.update(b);
    return { id: s.id, det };
  });
  const seen = new Set<string>();
  let first = true;
  return (bar, timeMs, final) => {
    const out: LiveFact[] = [];
    for (const { id, det } of dets) {
      const facts = det.update(bar, !first) ?? [];
      for (const f of facts) {
        if (!isLiveNews(f)) continue;
        const key = `${code}:${sessionDate}:${id}:${f.type}:${f.basis}:${f.event ?? ''}:${f.since ?? ''}:${f.period ?? ''}:${f.count ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ key, index: code, symbol: null, timeMs, fact: f.basis === 'close' ? { ...f, detail: { ...f.detail, provisional: !final } } : f });
      }
    }
    first = false;
    return out;
  };
}

/** Min sessions for a "highest/biggest since" to be live news (about a month). */
export const LIVE_SINCE_MIN_COUNT = 20;

/**
 * A fact worth publishing live: an event (`entered`, `new`, `snapped`, not the `in` state), or a "since" fact
 * reaching back at least LIVE_SINCE_MIN_COUNT sessions or weeks. "As much as" is left to the built-in detector
 * (which reports it in whole-percent steps).
 */
export function isLiveNews(f: Fact): boolean {
  if (f.type === 'as_much_as') return false;
  if (f.event !== undefined) return f.event !== 'in';
  return /_since$/.test(f.type) && (f.count ?? 0) >= LIVE_SINCE_MIN_COUNT;
}

/**
 * The fact options of a live session: with analytics (and history), the analytics detectors run and the
 * built-in bull/bear stand-in is left out (the regime detector is the reference); without, the built-in one
 * runs on the setup's 250-session low/high.
 */
export function liveFactsOptions(
  setup: { readonly state: { readonly code: IndexCode; readonly sessionDate: SessionDate }; readonly history: readonly Bar[]; readonly facts: LiveFactOptions },
  analytics: boolean,
): { facts: LiveFactOptions; moreFacts?: (pub: Omit<LevelPublication, 'facts'>) => LiveFact[] } {
  if (!analytics || setup.history.length === 0) return { facts: setup.facts };
  const { bullReferenceLow: _bull, bearReferencePeak: _bear, ...rest } = setup.facts;
  return { facts: rest, moreFacts: analyticsLiveFacts(setup.state.code, setup.state.sessionDate, setup.history) };
}
