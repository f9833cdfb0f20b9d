import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startAlerts } from '../../src/app/alerts/startAlerts.js';
import { StoryWebhooks } from '../../src/app/alerts/StoryWebhooks.js';
import type { StoryAlertBody } from '../../src/app/alerts/storyAlertBodies.js';
import { WebhookDispatcher } from '../../src/app/alerts/WebhookDispatcher.js';
import { LiveHub, type StoryMessage } from '../../src/app/live/LiveHub.js';
import { runReplay, type ReplaySummary } from '../../src/app/live/runReplay.js';
import { ManualClock } from '../../src/core/clock.js';
import { asSessionDate } from '../../src/core/units.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../support/sharedData.js';
import { tempDirs } from '../support/tempDirs.js';

interface Received { readonly path: string; readonly headers: IncomingHttpHeaders; readonly body: StoryAlertBody }

/** A webhook receiver on 127.0.0.1: records every request; `answer` picks the status (it may wait first). */
async function receiver(answer: (r: Received, n: number) => Promise<number> | number): Promise<{ url: string; seen: Received[]; server: Server }> {
  const seen: Received[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body: JSON.parse(text) as StoryAlertBody };
      seen.push(r);
      void Promise.resolve(answer(r, seen.length)).then((status) => {
        res.statusCode = status;
        res.end();
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const closeAll = (servers: Server[]) => Promise.all(servers.map((s) => new Promise((r) => s.close(r))));

describeWithSharedData('story versions to webhooks: HSTECH replayed on 2025-02-07 (real data), a receiver on loopback', () => {
  const tmp = tempDirs();
  const servers: Server[] = [];
  afterAll(() => closeAll(servers));
  let storiesDir: string;
  let summary: ReplaySummary;
  let atReplayEnd: { received: number; outcomes: number };
  let seen: Received[];
  let stories: StoryWebhooks;

  beforeAll(async () => {
    // The receiver holds its first answer until the replay has finished (then answers 503: one retry), so the
    // replay cannot have waited on it; every other request gets 200 at once.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const rx = await receiver(async (_r, n) => (n === 1 ? (await released, 503) : 200));
    servers.push(rx.server);
    seen = rx.seen;
    storiesDir = tmp('iw-storyhook-');
    const hub = new LiveHub();
    const alerts = startAlerts({ storyWebhooks: [`${rx.url}/hook`], hub, clock: new ManualClock(), dispatch: { baseDelayMs: 20 } });
    stories = alerts.stories as StoryWebhooks;
    summary = await runReplay({
      dataDir: HK_DATA, date: asSessionDate('2025-02-07'), methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml'),
      hub, stories: { storiesDir, newsPath: NEWS_DATA },
    });
    atReplayEnd = { received: seen.length, outcomes: stories.outcomes.length };
    release();
    await alerts.settle();
  }, 600_000);

  it('the replay never waits on the receiver: when it ends, at most the first delivery has been sent and none has finished', () => {
    expect((summary.stories ?? []).length).toBeGreaterThanOrEqual(2);
    expect(atReplayEnd.outcomes).toBe(0);
    expect(atReplayEnd.received).toBeLessThanOrEqual(1); // the queue sends the next version only after the first
  });

  it('receives every version in both languages in order, the refused first one retried with the same key', () => {
    const versions = summary.stories ?? [];
    // versions × (en, zh-Hant), plus the first request answered 503 and sent again
    expect(seen).toHaveLength(versions.length * 2 + 1);
    const expected = versions.flatMap((v) => ['en', 'zh-Hant'].map((lang) => `v${v.version}:${lang}`));
    expect(seen.map((r) => `v${r.body.version}:${r.body.lang}`)).toEqual([expected[0], ...expected]);
    expect(seen.map((r) => r.headers['idempotency-key'])).toEqual([`story:hstech-2025-02-07:v1:en`, ...expected.map((e) => `story:hstech-2025-02-07:${e}`)]);
    expect(seen.slice(0, 3).map((r) => r.headers['x-indexwire-attempt'])).toEqual(['1', '2', '1']);
    expect(seen.every((r) => r.path === '/hook' && r.body.id === 'hstech-2025-02-07')).toBe(true);
    expect(stories.outcomes.every((o) => o.result.ok)).toBe(true);
    expect(stories.outcomes).toHaveLength(versions.length * 2);
  });

  it('says flash then update, the headline in its language, the event time and the version file', () => {
    const first = seen[1]!.body;
    // the flash at 09:30:18 Hong Kong time = 01:30:18 UTC (UTC+8)
    expect(first).toMatchObject({ version: 1, kind: 'flash', lang: 'en', eventTime: '2025-02-07T01:30:18.000Z', path: 'versions/hstech-2025-02-07-093018.en.md', reason: 'flash', final: false });
    expect(first.headline).toMatch(/technical bull territory/);
    const zh = seen[2]!.body;
    expect(zh).toMatchObject({ version: 1, kind: 'flash', lang: 'zh-Hant', path: 'versions/hstech-2025-02-07-093018.zh-Hant.md' });
    expect(zh.headline).toMatch(/技術性牛市/);
    const last = seen.at(-1)!.body;
    // the close at 16:10:00 HKT (the end of the closing auction) = 08:10:00 UTC
    expect(last).toMatchObject({ kind: 'update', lang: 'zh-Hant', eventTime: '2025-02-07T08:10:00.000Z', path: 'versions/hstech-2025-02-07-161000.zh-Hant.md', reason: 'close', final: true });
    expect(seen.slice(3).every((r) => r.body.kind === 'update')).toBe(true);
    // each body's headline is the title in the version file it names
    for (const r of seen) {
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(storiesDir, r.body.path), 'utf8'))?.[1] ?? '';
      expect((parseYaml(fm) as { title: string }).title).toBe(r.body.headline);
    }
  });
});

describe('story webhooks', () => {
  const tmp = tempDirs();
  const servers: Server[] = [];
  afterAll(() => closeAll(servers));
  const version = (n: number, index = 'HSTECH'): StoryMessage => ({
    type: 'story', index, indexes: [index, `${index}-R`], sessionDate: '2025-02-07', slug: `${index.toLowerCase()}-2025-02-07`, version: n,
    reason: n === 1 ? 'flash' : 'fact', update: n > 1, final: false, timeMs: Date.UTC(2025, 1, 7, 2, n), time: new Date(Date.UTC(2025, 1, 7, 2, n)).toISOString(),
    published: `2025-02-07 10:0${n}:00`, headlines: [], files: [`versions/x-10${n}.en.md`, 'x.en.md'], documents: [{ lang: 'en', title: `T${n}`, paragraphs: [] }],
  });

  it('logs a failing receiver once, not per delivery or attempt, and once more when it delivers again', async () => {
    let down = true;
    const rx = await receiver(() => (down ? 500 : 200));
    servers.push(rx.server);
    const log: string[] = [];
    const hooks = new StoryWebhooks([{ url: rx.url }], new WebhookDispatcher({ clock: new ManualClock(), maxAttempts: 3, baseDelayMs: 1, sleep: async () => {} }), (l) => log.push(l));
    for (const n of [1, 2, 3]) hooks.onStory(version(n));
    await hooks.settle();
    // 3 attempts (maxAttempts 3) for the first version, then one each while the receiver fails: 3 + 1 + 1, all answered 500
    expect(rx.seen.map((r) => `v${r.body.version}:${String(r.headers['x-indexwire-attempt'])}`)).toEqual(['v1:1', 'v1:2', 'v1:3', 'v2:1', 'v3:1']);
    expect(log).toEqual([`story webhook ${rx.url}: story:hstech-2025-02-07:v1:en not delivered after 3 attempt(s) (HTTP 500); further failures of this webhook are not logged until it delivers again`]);
    down = false;
    hooks.onStory(version(4));
    await hooks.settle();
    expect(log[1]).toBe(`story webhook ${rx.url}: delivering again (3 deliveries given up meanwhile)`);
    expect(hooks.outcomes.map((o) => o.result.ok)).toEqual([false, false, false, true]);
    expect(rx.seen.at(-1)?.headers['x-indexwire-attempt']).toBe('1');
  });

  it('takes story webhooks from the alert rules (factType story, optionally one index) beside --webhook URLs', async () => {
    const rx = await receiver(() => 200);
    servers.push(rx.server);
    const rules = join(tmp('iw-storyrules-'), 'rules.yaml');
    writeFileSync(rules, `- {id: hsi-stories, factType: story, index: HSI, webhook: "${rx.url}/hsi"}\n- {id: all-stories, factType: story, webhook: "${rx.url}/all"}\n`);
    const hub = new LiveHub();
    const alerts = startAlerts({ rulesPath: rules, storyWebhooks: [`${rx.url}/cli`], hub, clock: new ManualClock() });
    expect(alerts.facts).toBeNull(); // no fact rules
    hub.publishStory(version(1, 'HSTECH'));
    hub.publishStory(version(1, 'HSI'));
    await alerts.settle();
    const got = rx.seen.map((r) => `${r.path} ${r.body.id}`).sort();
    expect(got).toEqual(['/all hsi-2025-02-07', '/all hstech-2025-02-07', '/cli hsi-2025-02-07', '/cli hstech-2025-02-07', '/hsi hsi-2025-02-07']);
    expect(() => startAlerts({ storyWebhooks: ['ftp://x'], hub, clock: new ManualClock() })).toThrow('--webhook: value "ftp://x" expected an http(s) URL');
  });
});
