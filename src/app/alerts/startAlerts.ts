import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Clock } from '../../core/clock.js';
import { ConfigError, SourceError } from '../../core/errors.js';
import { parseAlertRules } from '../../realtime/alertRule.js';
import type { LiveHub } from '../live/LiveHub.js';
import { AlertService, type AlertOutcome } from './AlertService.js';
import { WebhookDispatcher } from './WebhookDispatcher.js';

/**
 * Reads alert rules (JSON or YAML: a list, or `rules:`) and attaches an alert service to the hub.
 * @throws SourceError when the file is missing; ConfigError naming the rule and field on a bad rule.
 */
export function startAlerts(path: string, hub: LiveHub, clock: Clock, onOutcome?: (o: AlertOutcome) => void): AlertService {
  if (!existsSync(path)) throw new SourceError(path, 'alert rules file not found', false);
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, 'utf8')); // YAML is a superset of JSON
  } catch (e) {
    throw new ConfigError({ source: path, reason: `not JSON or YAML: ${(e as Error).message.split('\n')[0]}` });
  }
  const svc = new AlertService(parseAlertRules(doc, path), new WebhookDispatcher({ clock }), onOutcome);
  svc.attach(hub);
  return svc;
}
