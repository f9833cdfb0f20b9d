import type { LevelPublication } from '../../realtime/levelPublication.js';
import { LiveIndexSession, type LiveEvent } from '../../realtime/LiveIndexSession.js';
import type { LiveHub } from './LiveHub.js';

/**
 * Several live index sessions fed from one event stream: each event goes to every index holding the symbol
 * (a map lookup), publications are handed to the hub. Event time drives publication, so replays at any speed
 * publish the same bytes; in live mode a timer also calls {@link advanceTo}(clock now).
 */
export class LiveDesk {
  private readonly route = new Map<string, LiveIndexSession[]>();
  /** Events whose symbol is in no index (and has no tap). */
  unrouted = 0;

  /**
   * @param taps listeners for symbols that are in no index's members (e.g. the official index's own levels,
   *   `HSTECH`, followed by the live story desk): called after the publications due at the event's time.
   */
  constructor(
    readonly sessions: readonly LiveIndexSession[],
    private readonly hub: LiveHub,
    private readonly taps: ReadonlyMap<string, (ev: LiveEvent) => void> = new Map(),
  ) {
    for (const s of sessions) {
      for (const m of s.state.members) {
        const list = this.route.get(m.symbol) ?? [];
        list.push(s);
        this.route.set(m.symbol, list);
      }
    }
  }

  /** Publishes what is due at the event's time, then applies the event to every index holding its symbol. */
  onEvent(ev: LiveEvent): void {
    const list = this.route.get(ev.symbol);
    if (!list) {
      this.advanceTo(ev.timeMs);
      const tap = this.taps.get(ev.symbol);
      if (tap) tap(ev);
      else this.unrouted++;
      return;
    }
    this.advanceTo(ev.timeMs);
    for (const s of list) s.onEvent(ev);
  }

  /** Publishes every publication due at or before `timeMs` (UTC ms), in time order across indexes. */
  advanceTo(timeMs: number): void {
    for (;;) {
      let next: LiveIndexSession | null = null;
      let t = Infinity;
      for (const s of this.sessions) {
        const n = s.nextPublicationMs();
        if (n !== null && n <= timeMs && n < t) {
          t = n;
          next = s;
        }
      }
      if (next === null) return;
      for (const p of next.advanceTo(t)) this.hub.publish(p);
    }
  }

  /** Time (UTC ms) of the next publication of any index, or null when all closed. */
  nextPublicationMs(): number | null {
    let t: number | null = null;
    for (const s of this.sessions) {
      const n = s.nextPublicationMs();
      if (n !== null && (t === null || n < t)) t = n;
    }
    return t;
  }

  /** Publishes everything left up to every close. */
  finish(): void {
    this.advanceTo(Infinity);
  }

  /** True when every index published its close. */
  closed(): boolean {
    return this.sessions.every((s) => s.closed());
  }
}

export type { LevelPublication };
