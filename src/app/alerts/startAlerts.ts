import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Clock } from '../../core/clock.js';
import { ConfigError, SourceError } from '../../core/errors.js';
import { parseAlertRules, type AlertRule } from '../../realtime/alertRule.js';
import type { LiveHub } from '../live/LiveHub.js';
import { AlertService, type AlertOutcome } from './AlertService.js';
import { StoryWebhooks } from './StoryWebhooks.js';
import { WebhookDispatcher, type DispatchOptions } from './WebhookDispatcher.js';

/**
 * Story webhooks retry less than fact alerts: 5 attempts, waits 0.5, 1, 2 and 4 s (7.5 s), so a dead receiver holds
 * the end of a replay for seconds, not minutes (fact alerts: 8 attempts, up to ~64 s).
 */
export const STORY_DISPATCH = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 4_000 } as const;

/** The fact type of an alert rule that receives every story version (instead of matching live facts). */
export const STORY_RULE_TYPE = 'story';

export interface AlertsOptions {
  /** `--alerts FILE`: rules over live facts, and rules with `factType: story` (optionally `index`) for story versions. */
  readonly rulesPath?: string;
  /** `--webhook URL` (repeatable): every story version goes to each. */
  readonly storyWebhooks?: readonly string[];
  readonly hub: LiveHub;
  readonly clock: Clock;
  /** Each fact alert's outcome. */
  readonly onOutcome?: (o: AlertOutcome) => void;
  /** One line when a story webhook fails (once until it delivers again). */
  readonly log?: (line: string) => void;
  /** Retries and timeouts of the deliveries (defaults: 8 attempts, 500 ms doubling to 60 s, 10 s per attempt). */
  readonly dispatch?: Omit<DispatchOptions, 'clock'>;
}

export interface Alerts {
  readonly facts: AlertService | null;
  readonly stories: StoryWebhooks | null;
  /** Resolves when every delivery started so far has finished (delivered or given up). */
  settle(): Promise<void>;
}

/**
 * Reads alert rules (JSON or YAML: a list, or `rules:`) and attaches to the hub the fact alerts and the story
 * webhooks (the `story` rules' webhooks and `storyWebhooks`, each URL once).
 * @throws SourceError when the file is missing; ConfigError naming the rule and field on a bad rule or a bad URL.
 */
export function startAlerts(o: AlertsOptions): Alerts {
  const rules = o.rulesPath !== undefined ? readRules(o.rulesPath) : [];
  const dispatcher = new WebhookDispatcher({ ...o.dispatch, clock: o.clock });
  const factRules = rules.filter((r) => r.factType !== STORY_RULE_TYPE);
  const facts = factRules.length > 0 ? new AlertService(factRules, dispatcher, o.onOutcome) : null;
  facts?.attach(o.hub);
  const targets = new Map<string, { url: string; index?: string }>();
  for (const url of o.storyWebhooks ?? []) {
    if (!/^https?:\/\//.test(url)) throw new ConfigError({ source: '--webhook', value: url, reason: 'expected an http(s) URL' });
    targets.set(url, { url });
  }
  for (const r of rules) {
    if (r.factType === STORY_RULE_TYPE && !targets.has(r.webhook)) targets.set(r.webhook, { url: r.webhook, ...(r.index !== undefined ? { index: r.index } : {}) });
  }
  const storyDispatcher = new WebhookDispatcher({ ...STORY_DISPATCH, ...o.dispatch, clock: o.clock });
  const stories = targets.size > 0 ? new StoryWebhooks([...targets.values()], storyDispatcher, o.log) : null;
  stories?.attach(o.hub);
  return {
    facts,
    stories,
    settle: async () => {
      await Promise.all([facts?.settle(), stories?.settle()]);
    },
  };
}

function readRules(path: string): AlertRule[] {
  if (!existsSync(path)) throw new SourceError(path, 'alert rules file not found', false);
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, 'utf8')); // YAML is a superset of JSON
  } catch (e) {
    throw new ConfigError({ source: path, reason: `not JSON or YAML: ${(e as Error).message.split('\n')[0]}` });
  }
  return parseAlertRules(doc, path);
}

/**
 * The alerts of `replay` and `live`: `--alerts FILE` and `--webhook URL...`, each outcome and failure as one line on
 * `log` (stderr); null when neither flag was given.
 */
export function startAlertsFromFlags(flags: { readonly alerts: string | undefined; readonly webhook: readonly string[] | undefined }, hub: LiveHub, clock: Clock, log: (line: string) => void): Alerts | null {
  if (flags.alerts === undefined && flags.webhook === undefined) return null;
  return startAlerts({
    ...(flags.alerts !== undefined ? { rulesPath: flags.alerts } : {}),
    storyWebhooks: flags.webhook ?? [],
    hub,
    clock,
    onOutcome: (a) => log(`alert ${a.ruleId} ${a.factKey}: ${a.result.ok ? 'delivered' : `failed (${a.result.error ?? ''})`} after ${a.result.attempts} attempt(s)`),
    log,
  });
}
