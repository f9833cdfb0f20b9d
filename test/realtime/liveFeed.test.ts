import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { LiveHub } from '../../src/app/live/LiveHub.js';
import { loadLiveSetup } from '../../src/app/live/loadLiveSetup.js';
import { runLiveFeed } from '../../src/app/live/runLiveFeed.js';
import { ManualClock } from '../../src/core/clock.js';
import { asSessionDate } from '../../src/core/units.js';
import { generateSessionTicks } from '../../src/realtime/generateTickPath.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';
import { waitUntil } from './waitUntil.js';

describeWithSharedData('live job on a WebSocket tick feed', () => {
  it('applies the feed\'s ticks, reports a bad message, publishes on the clock and closes at the EOD level', async () => {
    const date = asSessionDate('2025-02-07');
    const setup = await loadLiveSetup({ dataDir: HK_DATA, date });
    const ticks = generateSessionTicks(setup.days, setup.intervals, { seed: 9, ticksPerMember: 20 });
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    wss.on('connection', (s) => {
      s.send('nope');
      s.send(JSON.stringify({ type: 'batch', events: ticks.slice(0, 300) }));
      s.send(JSON.stringify(ticks.slice(300)));
    });
    const clock = new ManualClock(setup.intervals[0]!.startMs);
    const hub = new LiveHub();
    const issues: string[] = [];
    const run = await runLiveFeed({
      dataDir: HK_DATA, date, feedUrl: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, hub, clock, everyMs: 60_000,
      maxAheadMs: Infinity, // the whole day arrives while the clock is at the open
      onIssue: (m) => issues.push(m),
    });
    const calc = run.desk.sessions[0]!.calculator;
    await waitUntil(() => calc.outcomeCounts().applied >= ticks.length, 'every feed tick applied');
    expect(calc.outcomeCounts().applied).toBe(ticks.length);
    clock.set(setup.intervalsWithAuction.at(-1)!.endMs); // the close comes on the clock, at the end of the closing auction
    await run.done;
    wss.close();
    expect(issues).toEqual([expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+:1: value "nope" not JSON/)]);
    const last = hub.latest('HSTECH')!.pub;
    expect(last).toMatchObject({ final: true, phase: 'close' });
    // EOD by hand: Σ indexShares × close / divisor
    let eod = 0;
    setup.state.members.forEach((m) => (eod += m.indexShares * setup.days.find((d) => d.symbol === m.symbol)!.day.close));
    eod /= setup.state.divisor;
    expect(Math.abs(last.level - eod) / eod).toBeLessThan(1e-9);
  }, 120_000);

  it('skips and reports a trade stamped ahead of the clock instead of publishing the rest of the day', async () => {
    const date = asSessionDate('2025-02-07');
    const setup = await loadLiveSetup({ dataDir: HK_DATA, date });
    const open = setup.intervals[0]!.startMs;
    const sym = setup.state.members[0]!.symbol;
    const prev = setup.state.members[0]!.previousClose;
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    wss.on('connection', (s) => s.send(JSON.stringify([
      { symbol: sym, timeMs: open + 1000, price: prev * 1.01 },
      { symbol: sym, timeMs: open + 86_400_000, price: prev * 1.5 }, // a day ahead: a bad feed clock
      { symbol: sym, timeMs: open + 2000, price: prev * 1.02 }, // 1 s ahead: within the default 5 s
    ])));
    const clock = new ManualClock(open + 1000);
    const hub = new LiveHub();
    const issues: string[] = [];
    const run = await runLiveFeed({
      dataDir: HK_DATA, date, feedUrl: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, hub, clock, everyMs: 60_000,
      onIssue: (m) => issues.push(m),
    });
    const calc = run.desk.sessions[0]!.calculator;
    await waitUntil(() => calc.outcomeCounts().applied + issues.length >= 3, 'three feed events handled');
    run.stop();
    wss.close();
    expect(issues).toEqual([expect.stringMatching(/ahead of the clock \(limit 5000 ms; event skipped\)$/)]);
    expect(calc.outcomeCounts()).toMatchObject({ applied: 2, out_of_order: 0 });
    expect(calc.member(0).price).toBe(prev * 1.02);
    expect(run.desk.closed()).toBe(false); // no publication beyond the clock
    expect(hub.latest('HSTECH')).toBeNull();
  }, 120_000);
});
