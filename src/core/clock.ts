/** An injected clock so replay and live run the same code (nautilus_trader style). */
export interface Clock {
  /** Milliseconds since the epoch. */
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };

/** A clock that only moves when told to: for tests and replays. */
export class ManualClock implements Clock {
  constructor(private timeMs = 0) {}
  nowMs(): number {
    return this.timeMs;
  }
  set(timeMs: number): void {
    this.timeMs = timeMs;
  }
  advance(ms: number): void {
    this.timeMs += ms;
  }
}
