import { alertIdempotencyKey, matchesRule, type AlertRule } from '../../realtime/alertRule.js';
import type { LiveFact } from '../../realtime/LiveFactDetector.js';
import type { LiveHub } from '../live/LiveHub.js';
import type { DeliveryResult, WebhookDispatcher } from './WebhookDispatcher.js';

/** One delivery's outcome, for logs and tests. */
export interface AlertOutcome {
  readonly ruleId: string;
  readonly factKey: string;
  readonly result: DeliveryResult;
}

/**
 * Alerts: rules over the facts of every live publication, delivered by the webhook dispatcher. Rules are
 * indexed by fact type, so a fact is checked only against the rules that can match it; no cap on rules.
 * The webhook body is `{ruleId, idempotencyKey, index, symbol, time, fact}`.
 */
export class AlertService {
  private readonly byType = new Map<string, AlertRule[]>();
  private readonly pending = new Set<Promise<void>>();
  readonly outcomes: AlertOutcome[] = [];

  constructor(
    rules: readonly AlertRule[],
    private readonly dispatcher: WebhookDispatcher,
    private readonly onOutcome: (o: AlertOutcome) => void = () => {},
  ) {
    for (const r of rules) {
      const list = this.byType.get(r.factType) ?? [];
      list.push(r);
      this.byType.set(r.factType, list);
    }
  }

  /** Listens to every index of the hub; returns the unsubscribe function. */
  attach(hub: LiveHub): () => void {
    return hub.subscribeAll((pub) => {
      for (const f of pub.facts) this.onFact(f);
    });
  }

  /** Starts the deliveries for one fact (does not wait for them). */
  onFact(f: LiveFact): void {
    const rules = [...(this.byType.get(f.fact.type) ?? []), ...(this.byType.get('*') ?? [])];
    for (const rule of rules) {
      if (!matchesRule(rule, f)) continue;
      const idempotencyKey = alertIdempotencyKey(rule, f);
      const body = { ruleId: rule.id, idempotencyKey, index: f.index, symbol: f.symbol, time: new Date(f.timeMs).toISOString(), fact: f.fact };
      const p = this.dispatcher.deliver({ url: rule.webhook, idempotencyKey, body }).then((result) => {
        const o = { ruleId: rule.id, factKey: f.key, result };
        this.outcomes.push(o);
        this.onOutcome(o);
      });
      this.pending.add(p);
      void p.finally(() => this.pending.delete(p));
    }
  }

  /** Resolves when every delivery started so far has finished (delivered or given up). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
