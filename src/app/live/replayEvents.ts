import type { Clock } from '../../core/clock.js';
import type { LiveEvent } from '../../realtime/LiveIndexSession.js';
import type { LiveDesk } from './LiveDesk.js';

export interface ReplayPace {
  /** Market ms per wall ms: 1 = real time, 60 = a minute a second; Infinity = as fast as possible. */
  readonly speed: number;
  readonly clock: Clock;
  /** Waits `ms` wall milliseconds (a fake one in tests). */
  readonly sleep: (ms: number) => Promise<void>;
  /** Stop early when true (checked between events). */
  readonly aborted?: () => boolean;
}

/**
 * Replays recorded events into a desk. At infinite speed the loop is synchronous; otherwise each event and
 * each publication waits until its market time, scaled by `speed`, has come on the injected clock. Event
 * time drives publication, so the bytes published do not depend on the speed. Ends with the close.
 * @returns the number of events replayed.
 */
export async function replayEvents(events: readonly LiveEvent[], desk: LiveDesk, pace: ReplayPace): Promise<number> {
  if (!(pace.speed > 0)) throw new RangeError(`replay speed must be positive, got ${pace.speed}`);
  if (pace.speed === Infinity) {
    for (const ev of events) desk.onEvent(ev);
    desk.finish();
    return events.length;
  }
  const first = events[0]?.timeMs ?? desk.nextPublicationMs() ?? 0;
  const wall0 = pace.clock.nowMs();
  const waitFor = async (marketMs: number): Promise<void> => {
    const due = wall0 + (marketMs - first) / pace.speed;
    const d = due - pace.clock.nowMs();
    if (d > 0) await pace.sleep(d);
  };
  let n = 0;
  for (const ev of events) {
    if (pace.aborted?.()) return n;
    for (let p = desk.nextPublicationMs(); p !== null && p <= ev.timeMs; p = desk.nextPublicationMs()) {
      await waitFor(p);
      desk.advanceTo(p);
    }
    await waitFor(ev.timeMs);
    desk.onEvent(ev);
    n++;
  }
  for (let p = desk.nextPublicationMs(); p !== null; p = desk.nextPublicationMs()) {
    if (pace.aborted?.()) return n;
    await waitFor(p);
    desk.advanceTo(p);
  }
  return n;
}
