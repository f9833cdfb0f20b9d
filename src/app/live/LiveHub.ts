import type { LevelPublication } from '../../realtime/levelPublication.js';
export type { LevelPublication };
import { serializePublication } from '../../realtime/levelPublication.js';

/** Receives a publication and its JSON text (serialized once for every listener). Must not block. */
export type PublicationListener = (pub: LevelPublication, json: string) => void;

/**
 * Where live publications go: per-index subscribers (WebSocket clients, NATS, files) and all-index listeners
 * (alerts). Publishing is synchronous and never waits on a listener; a listener that throws is counted and
 * the others still run, so a bad consumer cannot stall the calculator.
 */
export class LiveHub {
  private readonly byIndex = new Map<string, Set<PublicationListener>>();
  private readonly all = new Set<PublicationListener>();
  private readonly latestByIndex = new Map<string, { pub: LevelPublication; json: string }>();
  /** Listener errors caught so far. */
  listenerErrors = 0;

  /**
   * Subscribes to one index; returns the unsubscribe function. An index without subscribers is forgotten, so
   * names chosen by clients (any string) do not accumulate.
   */
  subscribe(index: string, listener: PublicationListener): () => void {
    let set = this.byIndex.get(index);
    if (!set) this.byIndex.set(index, (set = new Set()));
    set.add(listener);
    const own = set;
    return () => {
      own.delete(listener);
      if (own.size === 0 && this.byIndex.get(index) === own) this.byIndex.delete(index);
    };
  }

  /** Subscribes to every index; returns the unsubscribe function. */
  subscribeAll(listener: PublicationListener): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  publish(pub: LevelPublication): void {
    const json = serializePublication(pub);
    this.latestByIndex.set(pub.index, { pub, json });
    const call = (l: PublicationListener) => {
      try {
        l(pub, json);
      } catch {
        this.listenerErrors++;
      }
    };
    this.byIndex.get(pub.index)?.forEach(call);
    this.all.forEach(call);
  }

  /** The last publication of `index` and its JSON, or null. */
  latest(index: string): { pub: LevelPublication; json: string } | null {
    return this.latestByIndex.get(index) ?? null;
  }

  /** Index codes that have published. */
  indexes(): string[] {
    return [...this.latestByIndex.keys()].sort();
  }
}
