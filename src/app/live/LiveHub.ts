import type { LevelPublication } from '../../realtime/levelPublication.js';
export type { LevelPublication };
import { serializePublication } from '../../realtime/levelPublication.js';

/** Receives a publication and its JSON text (serialized once for every listener). Must not block. */
export type PublicationListener = (pub: LevelPublication, json: string) => void;

/**
 * A version of a story written during trading by the live story desk (`type: "story"` on `/live`): the versions of
 * one story share `slug`; `version` counts from 1 (the flash); `update` is true after the flash, `final` on the
 * close version. `indexes` are the codes it is sent to (the story's subject and the live index computed with it).
 */
export interface StoryMessage {
  readonly type: 'story';
  readonly index: string;
  readonly indexes: readonly string[];
  readonly sessionDate: string;
  readonly slug: string;
  readonly version: number;
  readonly reason: 'flash' | 'fact' | 'lunch' | 'close';
  readonly update: boolean;
  readonly final: boolean;
  /** Event time of the version, UTC ms and ISO 8601; `published` is the front matter `date` (exchange local). */
  readonly timeMs: number;
  readonly time: string;
  readonly published: string;
  /** Headline keys this version first reported (`regime:bull_market`, ...). */
  readonly headlines: readonly string[];
  /** File names written (the version's own and the latest), relative to the stories folder. */
  readonly files: readonly string[];
  readonly documents: readonly { readonly lang: string; readonly title: string; readonly paragraphs: readonly string[] }[];
}

export type StoryListener = (msg: StoryMessage, json: string) => void;

/**
 * Where live publications go: per-index subscribers (WebSocket clients, NATS, files) and all-index listeners
 * (alerts). Publishing is synchronous and never waits on a listener; a listener that throws is counted and
 * the others still run, so a bad consumer cannot stall the calculator.
 */
export class LiveHub {
  private readonly byIndex = new Map<string, Set<PublicationListener>>();
  private readonly all = new Set<PublicationListener>();
  private readonly latestByIndex = new Map<string, { pub: LevelPublication; json: string }>();
  private readonly storiesByIndex = new Map<string, Set<StoryListener>>();
  private readonly allStories = new Set<StoryListener>();
  private readonly latestStoryByIndex = new Map<string, { msg: StoryMessage; json: string }>();
  /** Listener errors caught so far. */
  listenerErrors = 0;

  /** Subscribes to the story versions sent to one index code; returns the unsubscribe function. */
  subscribeStories(index: string, listener: StoryListener): () => void {
    let set = this.storiesByIndex.get(index);
    if (!set) this.storiesByIndex.set(index, (set = new Set()));
    set.add(listener);
    const own = set;
    return () => {
      own.delete(listener);
      if (own.size === 0 && this.storiesByIndex.get(index) === own) this.storiesByIndex.delete(index);
    };
  }

  /** Subscribes to every story version (alerts, NATS); returns the unsubscribe function. */
  subscribeAllStories(listener: StoryListener): () => void {
    this.allStories.add(listener);
    return () => this.allStories.delete(listener);
  }

  /** Sends a story version to the subscribers of each of its `indexes` (each listener once) and to the all-story listeners. */
  publishStory(msg: StoryMessage): void {
    const json = JSON.stringify(msg);
    const called = new Set<StoryListener>();
    const call = (l: StoryListener) => {
      if (called.has(l)) return;
      called.add(l);
      try {
        l(msg, json);
      } catch {
        this.listenerErrors++;
      }
    };
    for (const ix of msg.indexes) {
      this.latestStoryByIndex.set(ix, { msg, json });
      this.storiesByIndex.get(ix)?.forEach(call);
    }
    this.allStories.forEach(call);
  }

  /** The latest story version sent to `index`, or null. */
  latestStory(index: string): { msg: StoryMessage; json: string } | null {
    return this.latestStoryByIndex.get(index) ?? null;
  }

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
