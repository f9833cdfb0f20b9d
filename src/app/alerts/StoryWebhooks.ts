import type { LiveHub, StoryMessage } from '../live/LiveHub.js';
import { storyAlertBodies, storyAlertKey, type StoryAlertBody } from './storyAlertBodies.js';
import type { DeliveryResult, WebhookDispatcher } from './WebhookDispatcher.js';

/** One story delivery's outcome, for logs and tests. */
export interface StoryWebhookOutcome {
  readonly url: string;
  readonly idempotencyKey: string;
  readonly result: DeliveryResult;
}

/**
 * Every story version to every configured webhook (`--webhook URL`, or an alert rule with `factType: story`): one
 * POST per version and language (`storyAlertBodies`), with the dispatcher's bounded retries and backoff. Each URL
 * has its own queue, so a receiver gets the versions in the order they were written, and a slow or dead receiver
 * delays only its own queue. `onStory` only appends to the queues: the tick path never waits on a webhook.
 * A receiver that fails is logged once (the first delivery given up), again only after it has recovered; while it
 * fails, each further delivery gets one attempt.
 */
export class StoryWebhooks {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly failing = new Map<string, number>();
  readonly outcomes: StoryWebhookOutcome[] = [];

  constructor(
    private readonly targets: readonly { readonly url: string; readonly index?: string }[],
    private readonly dispatcher: WebhookDispatcher,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Listens to every story version of the hub; returns the unsubscribe function. */
  attach(hub: LiveHub): () => void {
    return hub.subscribeAllStories((msg) => this.onStory(msg));
  }

  /** Queues the deliveries of one version (returns at once). */
  onStory(msg: StoryMessage): void {
    const bodies = storyAlertBodies(msg);
    for (const t of this.targets) {
      if (t.index !== undefined && !msg.indexes.includes(t.index)) continue;
      const prev = this.tails.get(t.url) ?? Promise.resolve();
      this.tails.set(t.url, prev.then(() => this.deliverAll(t.url, bodies)));
    }
  }

  private async deliverAll(url: string, bodies: readonly StoryAlertBody[]): Promise<void> {
    for (const body of bodies) {
      const idempotencyKey = storyAlertKey(body);
      // A receiver that has failed gets one attempt a version until it delivers again: a dead receiver holds its
      // queue (and the end of a replay) for one delivery's retries, not for every version's.
      const result = await this.dispatcher.deliver({ url, idempotencyKey, body, ...(this.failing.has(url) ? { maxAttempts: 1 } : {}) });
      this.outcomes.push({ url, idempotencyKey, result });
      const failures = this.failing.get(url);
      if (result.ok) {
        if (failures !== undefined) {
          this.failing.delete(url);
          this.log(`story webhook ${url}: delivering again (${failures} deliveries given up meanwhile)`);
        }
      } else if (failures === undefined) {
        this.failing.set(url, 1);
        this.log(`story webhook ${url}: ${idempotencyKey} not delivered after ${result.attempts} attempt(s) (${result.error ?? 'failed'}); further failures of this webhook are not logged until it delivers again`);
      } else {
        this.failing.set(url, failures + 1);
      }
    }
  }

  /** Resolves when every delivery queued so far has finished (delivered or given up). */
  async settle(): Promise<void> {
    let seen: Promise<void>[] = [];
    for (;;) {
      const now = [...this.tails.values()];
      if (now.length === seen.length && now.every((p, i) => p === seen[i])) return;
      seen = now;
      await Promise.all(now);
    }
  }
}
