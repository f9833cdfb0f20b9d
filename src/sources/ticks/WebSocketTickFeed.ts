import WebSocket from 'ws';
import type { LiveEvent } from '../../realtime/LiveIndexSession.js';
import { isTickIssue, toLiveEvent, type TickIssue } from './parseLiveEvent.js';

export interface WebSocketTickFeedOptions {
  readonly url: string;
  readonly onEvent: (ev: LiveEvent) => void;
  readonly onIssue?: (issue: TickIssue) => void;
  /** Connection state changes, for logs. */
  readonly onStatus?: (status: 'open' | 'closed' | 'error', detail?: string) => void;
  /** Reconnect after a drop, waiting 250 ms × 2^attempt up to this many ms (default 10 000). 0 = never reconnect. */
  readonly maxBackoffMs?: number;
}

/**
 * A WebSocket tick feed client (`ws`). Each text message is one event object, a JSON array of events, or
 * `{"type": "batch", "events": [...]}`; events have the tick message shape of toLiveEvent. A bad record is
 * reported (source = URL, line = message number) and skipped; the connection stays up. Reconnects with backoff.
 */
export class WebSocketTickFeed {
  private ws: WebSocket | null = null;
  private stopped = false;
  private attempt = 0;
  private messageNo = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: WebSocketTickFeedOptions) {}

  /** Connects; resolves when the first connection is open. @throws SourceError-like Error when it cannot connect. */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      let first = true;
      const connect = (): void => {
        const ws = (this.ws = new WebSocket(this.options.url));
        ws.on('open', () => {
          this.attempt = 0;
          this.options.onStatus?.('open');
          if (first) {
            first = false;
            resolve();
          }
        });
        ws.on('message', (data, isBinary) => {
          if (!isBinary) this.onMessage(data.toString());
        });
        ws.on('error', (err) => {
          this.options.onStatus?.('error', err.message);
          if (first) {
            first = false;
            reject(new Error(`${this.options.url}: cannot connect to tick feed: ${err.message}`));
            this.stopped = true;
          }
        });
        ws.on('close', () => {
          this.options.onStatus?.('closed');
          const max = this.options.maxBackoffMs ?? 10_000;
          if (this.stopped || max === 0) return;
          const wait = Math.min(max, 250 * 2 ** this.attempt++);
          this.timer = setTimeout(connect, wait);
        });
      };
      connect();
    });
  }

  /** Closes the connection for good. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close();
  }

  private onMessage(text: string): void {
    const line = ++this.messageNo;
    const src = this.options.url;
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      this.options.onIssue?.({ source: src, line, value: text.slice(0, 80), reason: 'not JSON', message: `${src}:${line}: value "${text.slice(0, 80)}" not JSON (message skipped)` });
      return;
    }
    const batch = Array.isArray(msg) ? msg : isRecord(msg) && msg.type === 'batch' && Array.isArray(msg.events) ? msg.events : [msg];
    for (const rec of batch) {
      if (!isRecord(rec)) {
        this.options.onIssue?.({ source: src, line, reason: 'not a JSON object', message: `${src}:${line}: not a JSON object (record skipped)` });
        continue;
      }
      const ev = toLiveEvent(rec, src, line);
      if (isTickIssue(ev)) this.options.onIssue?.(ev);
      else this.options.onEvent(ev);
    }
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
