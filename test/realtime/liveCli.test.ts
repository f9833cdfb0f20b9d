import { afterEach, expect, it, vi } from 'vitest';
import { runCli } from '../support/runCli.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';

const run = runCli;

afterEach(() => vi.restoreAllMocks());

describeWithSharedData('indexwire live --nats / live-worker', () => {
  // A missing --state file must stop both before any connection is tried: the option is used, not dropped
  // (nothing listens on port 1, so a run that ignored --state would fail on the connection instead).
  it.each([
    ['live', '--nats', 'nats://127.0.0.1:1', '--feed', 'ws://127.0.0.1:1/ticks'],
    ['live-worker', '--nats', 'nats://127.0.0.1:1', '--prefix', 'IWX', '--own', '0'],
  ])('%s takes --state', async (...cmd) => {
    const [code, , err] = await run([...cmd, '--date', '2025-02-07', '--data', HK_DATA, '--state', '/nonexistent/state.json']);
    expect(code).not.toBe(0);
    expect(err).toMatch(/\/nonexistent\/state\.json.*state file not found/);
  });
});
