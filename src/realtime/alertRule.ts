import { ConfigError } from '../core/errors.js';
import type { LiveFact } from './LiveFactDetector.js';

/**
 * An alert rule over live facts, delivered to a webhook. Examples:
 * `{"id": "hstech-bull", "factType": "bull_market", "event": "entered", "index": "HSTECH", "webhook": "https://..."}`;
 * `{"id": "big-movers", "factType": "as_much_as", "scope": "member", "minAbsChangePct": 8, "webhook": "https://..."}`.
 */
export interface AlertRule {
  /** Stable id; part of the idempotency key. */
  readonly id: string;
  /** Fact type to match (`bull_market`, `as_much_as`, ...) or `*`. */
  readonly factType: string;
  readonly event?: string;
  /** Index code, or absent for any. */
  readonly index?: string;
  /** `index` facts about the index itself, `member` facts about a member, `any` (default). */
  readonly scope?: 'index' | 'member' | 'any';
  /** One member's symbol (implies scope member). */
  readonly symbol?: string;
  /** |changePct| at least this (percent). */
  readonly minAbsChangePct?: number;
  readonly webhook: string;
}

/** True when `fact` satisfies every condition of `rule`. */
export function matchesRule(rule: AlertRule, f: LiveFact): boolean {
  if (rule.factType !== '*' && rule.factType !== f.fact.type) return false;
  if (rule.event !== undefined && rule.event !== f.fact.event) return false;
  if (rule.index !== undefined && rule.index !== f.index) return false;
  const scope = rule.symbol !== undefined ? 'member' : (rule.scope ?? 'any');
  if (scope === 'index' && f.symbol !== null) return false;
  if (scope === 'member' && f.symbol === null) return false;
  if (rule.symbol !== undefined && rule.symbol !== f.symbol) return false;
  if (rule.minAbsChangePct !== undefined && !(Math.abs(f.fact.changePct ?? Number.NaN) >= rule.minAbsChangePct)) return false;
  return true;
}

/** The idempotency key of one delivery: the same rule and the same fact always give the same key. */
export const alertIdempotencyKey = (rule: AlertRule, f: LiveFact): string => `${rule.id}:${f.key}`;

/**
 * Reads a rule list (a JSON array, or `{ "rules": [...] }`). No cap on the number of rules.
 * @throws ConfigError naming `rules[i].field` on a bad rule or a repeated id.
 */
export function parseAlertRules(json: unknown, source: string): AlertRule[] {
  const list = Array.isArray(json) ? json : (json as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(list)) throw new ConfigError({ source, field: 'rules', reason: 'expected an array of rules' });
  const ids = new Set<string>();
  return list.map((r: unknown, i) => {
    const bad = (field: string, value: unknown, reason: string) =>
      new ConfigError({ source, field: `rules[${i}].${field}`, value: typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'), reason });
    if (typeof r !== 'object' || r === null) throw bad('', r, 'expected an object');
    const o = r as Record<string, unknown>;
    if (typeof o.id !== 'string' || o.id === '') throw bad('id', o.id, 'expected a non-empty string');
    if (ids.has(o.id)) throw bad('id', o.id, 'repeated id');
    ids.add(o.id);
    if (typeof o.factType !== 'string' || o.factType === '') throw bad('factType', o.factType, 'expected a fact type or "*"');
    if (typeof o.webhook !== 'string' || !/^https?:\/\//.test(o.webhook)) throw bad('webhook', o.webhook, 'expected an http(s) URL');
    for (const k of ['event', 'index', 'symbol'] as const) {
      if (o[k] !== undefined && typeof o[k] !== 'string') throw bad(k, o[k], 'expected a string');
    }
    if (o.scope !== undefined && o.scope !== 'index' && o.scope !== 'member' && o.scope !== 'any') throw bad('scope', o.scope, 'expected index, member or any');
    if (o.minAbsChangePct !== undefined && !(typeof o.minAbsChangePct === 'number' && o.minAbsChangePct >= 0)) {
      throw bad('minAbsChangePct', o.minAbsChangePct, 'expected a non-negative number (percent)');
    }
    return o as unknown as AlertRule;
  });
}
