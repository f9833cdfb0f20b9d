import type { LevelPublication } from '../../app/live/LiveHub.js';

/** The part of a `ws` WebSocket a channel needs (a fake in unit tests). */
export interface SocketLike {
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(data: string | Buffer, options?: { binary: boolean }): void;
  terminate(): void;
}

export interface ChannelLimits {
  /** Above this many bytes waiting in the socket, updates are coalesced (latest level kept, facts merged). Default 1 MiB. */
  readonly coalesceAboveBytes?: number;
  /** Above this many bytes waiting, or after `maxCoalescedInARow` coalesced publications, the client is dropped. Default 8 MiB. */
  readonly dropAboveBytes?: number;
  /** Default 30 (a minute at the 2 s cadence). */
  readonly maxCoalescedInARow?: number;
}

const OPEN = 1;
const TEXT = { binary: false };

/**
 * One subscriber's outbound path. Never blocks and never buffers without bound: while the socket's
 * `bufferedAmount` is above the coalescing threshold, only the latest publication per index is kept (facts of
 * the skipped ones are merged and sent first as a `facts` message, so none is lost); a client that stays
 * behind, or whose buffer passes the drop threshold, is terminated.
 */
export class ClientChannel {
  private readonly pending = new Map<string, { json: string | Buffer; latestFacts: LevelPublication['facts']; skipped: LevelPublication['facts'][number][] }>();
  private readonly coalesceAbove: number;
  private readonly dropAbove: number;
  private readonly maxInARow: number;
  private inARow = 0;
  /** Publications written to the socket (a coalesced run counts once; `facts` messages are not counted). */
  sent = 0;
  coalesced = 0;
  dropped = false;

  constructor(
    private readonly socket: SocketLike,
    limits: ChannelLimits = {},
    private readonly onDrop: (reason: string) => void = () => {},
  ) {
    this.coalesceAbove = limits.coalesceAboveBytes ?? 1 << 20;
    this.dropAbove = limits.dropAboveBytes ?? 8 << 20;
    this.maxInARow = limits.maxCoalescedInARow ?? 30;
  }

  /**
   * Hands one publication to the client (or keeps it as the pending latest). `json` may be the UTF-8 bytes
   * of the text, encoded once for every client (sent as a text frame).
   */
  deliver(pub: LevelPublication, json: string | Buffer): void {
    if (this.dropped || this.socket.readyState !== OPEN) return;
    const buffered = this.socket.bufferedAmount;
    if (buffered > this.dropAbove) return this.drop(`send buffer ${buffered} bytes > ${this.dropAbove}`);
    if (buffered > this.coalesceAbove) {
      const prev = this.pending.get(pub.index);
      // Keep the latest publication; the facts of the one it replaces are kept aside, never lost.
      const skipped = prev ? [...prev.skipped, ...prev.latestFacts] : [];
      this.pending.set(pub.index, { json, latestFacts: pub.facts, skipped });
      this.coalesced++;
      if (++this.inARow > this.maxInARow) this.drop(`${this.inARow} publications coalesced in a row`);
      return;
    }
    this.inARow = 0;
    const prev = this.pending.get(pub.index);
    if (prev) this.pending.set(pub.index, { json, latestFacts: pub.facts, skipped: [...prev.skipped, ...prev.latestFacts] });
    else this.pending.set(pub.index, { json, latestFacts: pub.facts, skipped: [] });
    this.sendPending();
  }

  /**
   * Sends a rare message that is never coalesced (a story version): written at once unless the client was dropped
   * or its buffer is past the drop threshold (then it is dropped).
   */
  sendNow(json: string): void {
    if (this.dropped || this.socket.readyState !== OPEN) return;
    const buffered = this.socket.bufferedAmount;
    if (buffered > this.dropAbove) return this.drop(`send buffer ${buffered} bytes > ${this.dropAbove}`);
    this.socket.send(json, TEXT);
  }

  /** Sends what was coalesced once the socket has drained (called on a timer). */
  flush(): void {
    if (this.dropped || this.socket.readyState !== OPEN || this.pending.size === 0) return;
    if (this.socket.bufferedAmount > this.coalesceAbove) return;
    this.inARow = 0;
    this.sendPending();
  }

  /** True while something waits to be sent. */
  hasPending(): boolean {
    return this.pending.size > 0;
  }

  private sendPending(): void {
    for (const [index, p] of this.pending) {
      // Facts of coalesced publications go first; the latest publication carries its own.
      if (p.skipped.length > 0) this.socket.send(JSON.stringify({ type: 'facts', index, facts: p.skipped }));
      this.socket.send(p.json, TEXT);
      this.sent++;
    }
    this.pending.clear();
  }

  private drop(reason: string): void {
    this.dropped = true;
    this.pending.clear();
    this.socket.terminate();
    this.onDrop(reason);
  }
}
