import type { Clock } from '../core/clock.js';

/** Request counters shown by `GET /api/admin/stats`. */
export class ServerStats {
  requests = 0;
  rateLimited = 0;
  unauthorized = 0;
  errors5xx = 0;
  private readonly startedMs: number;

  constructor(private readonly clock: Clock) {
    this.startedMs = clock.nowMs();
  }

  snapshot(): { uptimeSec: number; requests: number; rateLimited: number; unauthorized: number; errors5xx: number } {
    return {
      uptimeSec: (this.clock.nowMs() - this.startedMs) / 1000,
      requests: this.requests,
      rateLimited: this.rateLimited,
      unauthorized: this.unauthorized,
      errors5xx: this.errors5xx,
    };
  }
}
