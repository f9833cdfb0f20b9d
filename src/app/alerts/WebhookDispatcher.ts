import type { Clock } from '../../core/clock.js';

export interface WebhookDelivery {
  readonly url: string;
  /** Sent as the `Idempotency-Key` header on every attempt, so a receiver can drop repeats. */
  readonly idempotencyKey: string;
  readonly body: unknown;
  /** Attempts for this delivery (default: the dispatcher's `maxAttempts`). */
  readonly maxAttempts?: number;
}

export interface DispatchOptions {
  /** Attempts in all (default 8). */
  readonly maxAttempts?: number;
  /** Wait before the 2nd attempt (ms, default 500); doubles each time. */
  readonly baseDelayMs?: number;
  /** Ceiling on one wait (ms, default 60 000). */
  readonly maxDelayMs?: number;
  /** Per-attempt timeout (ms, default 10 000). */
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly clock: Clock;
  readonly fetch?: typeof fetch;
}

export interface DeliveryResult {
  readonly ok: boolean;
  readonly attempts: number;
  /** HTTP status of the last attempt, or null on a network error. */
  readonly status: number | null;
  readonly error: string | null;
  /** Waits between attempts (ms). */
  readonly delaysMs: readonly number[];
}

/**
 * Delivers JSON to webhooks with retries: a network error, a timeout, 408, 429 or a 5xx is retried after
 * `baseDelayMs × 2^(attempt−1)` (capped at `maxDelayMs`; a `Retry-After` in seconds is honoured when longer);
 * other 4xx are final. Each delivery runs on its own (no queue cap, no cap on deliveries); the same
 * `Idempotency-Key` header goes with every attempt. Counters say how many are in flight, delivered and failed.
 */
export class WebhookDispatcher {
  inFlight = 0;
  delivered = 0;
  failed = 0;
  attempts = 0;
  private readonly o: Required<Omit<DispatchOptions, 'clock'>> & { clock: Clock };

  constructor(o: DispatchOptions) {
    this.o = {
      maxAttempts: o.maxAttempts ?? 8,
      baseDelayMs: o.baseDelayMs ?? 500,
      maxDelayMs: o.maxDelayMs ?? 60_000,
      timeoutMs: o.timeoutMs ?? 10_000,
      sleep: o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      clock: o.clock,
      fetch: o.fetch ?? fetch,
    };
  }

  /** Delivers one payload; never throws (the result says what happened). */
  async deliver(d: WebhookDelivery): Promise<DeliveryResult> {
    this.inFlight++;
    const delaysMs: number[] = [];
    const body = JSON.stringify(d.body);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const maxAttempts = d.maxAttempts ?? this.o.maxAttempts;
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        this.attempts++;
        let retryAfterMs = 0;
        try {
          const res = await this.o.fetch(d.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': d.idempotencyKey, 'x-indexwire-attempt': String(attempt) },
            body,
            signal: AbortSignal.timeout(this.o.timeoutMs),
          });
          status = res.status;
          await res.arrayBuffer().catch(() => undefined);
          if (res.ok) {
            this.delivered++;
            return { ok: true, attempts: attempt, status, error: null, delaysMs };
          }
          error = `HTTP ${res.status}`;
          const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
          if (!retryable) break;
          const ra = Number(res.headers.get('retry-after'));
          if (Number.isFinite(ra) && ra > 0) retryAfterMs = ra * 1000;
        } catch (e) {
          status = null;
          error = (e as Error).message;
        }
        if (attempt === maxAttempts) break;
        const wait = Math.max(retryAfterMs, Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempt - 1)));
        delaysMs.push(wait);
        await this.o.sleep(wait);
      }
      this.failed++;
      return { ok: false, attempts: delaysMs.length + 1, status, error, delaysMs };
    } finally {
      this.inFlight--;
    }
  }
}
