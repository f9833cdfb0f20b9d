import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { AlertService } from '../../src/app/alerts/AlertService.js';
import { WebhookDispatcher } from '../../src/app/alerts/WebhookDispatcher.js';
import { LiveHub } from '../../src/app/live/LiveHub.js';
import { ManualClock } from '../../src/core/clock.js';
import { asIndexCode, asSecurityId } from '../../src/core/units.js';
import { matchesRule, parseAlertRules } from '../../src/realtime/alertRule.js';
import type { LiveFact } from '../../src/realtime/LiveFactDetector.js';
import type { LevelPublication } from '../../src/realtime/levelPublication.js';

const bull: LiveFact = { key: 'HSTECH:2025-03-11:bull_market:entered', index: asIndexCode('HSTECH'), symbol: null, timeMs: Date.UTC(2025, 2, 11, 3), fact: { type: 'bull_market', basis: 'intraday', event: 'entered', changePct: 20.3 } };
const move = (symbol: string, changePct: number): LiveFact => ({ key: `HSTECH:2025-03-11:as_much_as:${symbol}`, index: asIndexCode('HSTECH'), symbol: asSecurityId(symbol), timeMs: 0, fact: { type: 'as_much_as', basis: 'intraday', changePct } });

describe('alert rules', () => {
  const [hstechBull, movers] = parseAlertRules([
    { id: 'hstech-bull', factType: 'bull_market', event: 'entered', index: 'HSTECH', webhook: 'http://127.0.0.1:1/a' },
    { id: 'movers', factType: 'as_much_as', scope: 'member', minAbsChangePct: 8, webhook: 'http://127.0.0.1:1/b' },
  ], 'rules.json');
  it('match "HSTECH enters bull territory" and "any member as much as ±8%"', () => {
    expect(matchesRule(hstechBull!, bull)).toBe(true);
    expect(matchesRule(hstechBull!, { ...bull, index: asIndexCode('HSI') })).toBe(false);
    expect(matchesRule(movers!, move('0700.HK', -8.4))).toBe(true);
    expect(matchesRule(movers!, move('0700.HK', 7.9))).toBe(false);
    expect(matchesRule(movers!, { ...move('X', 9), symbol: null })).toBe(false); // the index itself is not a member
  });
  it('name the rule and field of a bad rule', () => {
    expect(() => parseAlertRules([{ id: 'x', factType: 'as_much_as', webhook: 'ftp://x' }], 'rules.json')).toThrow(
      'rules.json: field "rules[0].webhook": value "ftp://x" expected an http(s) URL',
    );
  });
});

describe('webhook delivery', () => {
  const closers: (() => void)[] = [];
  afterAll(() => closers.forEach((c) => c()));

  it('retries with exponential backoff and the same idempotency key until a receiver that fails twice succeeds', async () => {
    const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        res.statusCode = seen.length <= 2 ? 503 : 200; // fails twice, then succeeds
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => server.close());
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const waits: number[] = [];
    const dispatcher = new WebhookDispatcher({ clock: new ManualClock(), baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) });
    const alerts = new AlertService(parseAlertRules([{ id: 'hstech-bull', factType: 'bull_market', event: 'entered', index: 'HSTECH', webhook: url }], 'rules.json'), dispatcher);
    const hub = new LiveHub();
    alerts.attach(hub);
    hub.publish({ index: 'HSTECH', facts: [bull] } as unknown as LevelPublication);
    await alerts.settle();
    expect(seen).toHaveLength(3);
    expect(waits).toEqual([100, 200]); // 100 × 2^0, 100 × 2^1
    const keys = seen.map((s) => s.headers['idempotency-key']);
    expect(keys).toEqual(Array(3).fill('hstech-bull:HSTECH:2025-03-11:bull_market:entered'));
    expect(seen.map((s) => s.headers['x-indexwire-attempt'])).toEqual(['1', '2', '3']);
    expect(JSON.parse(seen[2]!.body)).toMatchObject({ ruleId: 'hstech-bull', index: 'HSTECH', symbol: null, time: '2025-03-11T03:00:00.000Z', fact: { type: 'bull_market', event: 'entered' } });
    expect(alerts.outcomes[0]!.result).toMatchObject({ ok: true, attempts: 3, status: 200 });
    expect(dispatcher).toMatchObject({ delivered: 1, failed: 0, inFlight: 0 });
  });

  it('gives up on a 4xx at once and after maxAttempts on errors, and caps nothing else', async () => {
    const server = createServer((req, res) => {
      res.statusCode = req.url === '/gone' ? 410 : 500;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => server.close());
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const d = new WebhookDispatcher({ clock: new ManualClock(), maxAttempts: 4, baseDelayMs: 1, sleep: async () => {} });
    const [gone, err] = await Promise.all([
      d.deliver({ url: `${base}/gone`, idempotencyKey: 'k1', body: {} }),
      d.deliver({ url: `${base}/err`, idempotencyKey: 'k2', body: {} }),
    ]);
    expect(gone).toMatchObject({ ok: false, attempts: 1, status: 410 });
    expect(err).toMatchObject({ ok: false, attempts: 4, status: 500, delaysMs: [1, 2, 4] });
    // 300 rules on one fact: every one is delivered (no cap)
    let hits = 0;
    const ok = createServer((_q, r) => { hits++; r.end(); });
    await new Promise<void>((r) => ok.listen(0, '127.0.0.1', r));
    closers.push(() => ok.close());
    const okUrl = `http://127.0.0.1:${(ok.address() as AddressInfo).port}/`;
    const rules = parseAlertRules(Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, factType: 'as_much_as', webhook: okUrl })), 'many.json');
    const svc = new AlertService(rules, new WebhookDispatcher({ clock: new ManualClock() }));
    svc.onFact(move('0700.HK', 9));
    await svc.settle();
    expect(hits).toBe(300);
  });
});
