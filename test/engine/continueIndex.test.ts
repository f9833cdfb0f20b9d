import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIndexInputs } from '../../src/app/buildIndex.js';
import { writeDemoData } from '../../src/app/demoData.js';
import { importBars } from '../../src/app/importBars.js';
import type { SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import type { IndexInput } from '../../src/domain/indexRun.js';
import { buildIndex } from '../../src/engine/buildIndex.js';
import { continueIndex, type IndexCheckpoint } from '../../src/engine/continueIndex.js';
import { MemoryBarStore } from '../../src/store/memory/MemoryBarStore.js';
import { REPO_ROOT } from '../support/sharedData.js';

const upTo = (input: IndexInput, d: string): IndexInput => ({
  ...input,
  bars: new Map([...input.bars].map(([s, bs]) => [s, bs.filter((b: Bar) => b.date <= d)])),
});

// The engine's incremental face: a run continued from a checkpoint (after a JSON round trip, as the store keeps
// it) equals the batch run from the base date, session for session, across reviews, a split, a rights issue, a
// special dividend, cash dividends and constituent changes (the simulated demo market has all of them).
describe('continueIndex (simulated demo market, methodologies/simtech.yaml)', () => {
  let root = '';
  let input: IndexInput;
  let methodology: Awaited<ReturnType<typeof readIndexInputs>>['methodology'];
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'iw-continue-'));
    writeDemoData(root);
    const store = new MemoryBarStore();
    await importBars(root, store);
    ({ methodology, input } = await readIndexInputs(store, { methodologyPath: join(REPO_ROOT, 'methodologies/simtech.yaml') }));
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('from the base date equals buildIndex; continued at any cut equals it too', () => {
    const full = buildIndex(methodology, input).sessions.map((s) => JSON.parse(JSON.stringify(s)));
    const whole = continueIndex(methodology, input, null);
    expect(whole.sessions.map((s) => JSON.parse(JSON.stringify(s)))).toEqual(full);
    expect(input.actions?.length).toBeGreaterThan(5); // split, rights issue, special and cash dividends
    // cuts: the day before and the day of a review, mid-quarter, around each corporate action, the last session
    const dates = full.map((s) => s.date as string);
    const kinds = new Set<string>();
    const near = (input.actions ?? []).filter((a) => !kinds.has(a.kind) && kinds.add(a.kind)).flatMap((a) => { // one of each kind
      const i = dates.indexOf(a.exDate);
      return i > 0 ? [dates[i - 1] as string, a.exDate] : [];
    });
    const reviews = full.filter((s) => s.events.some((e: string) => e.startsWith('review'))).map((s) => s.date as string);
    const cuts = [...new Set([dates[0], dates[40], ...reviews.slice(1, 3), ...near, dates[dates.length - 2]])] as string[];
    for (const cut of cuts) {
      const a = continueIndex(methodology, upTo(input, cut), null);
      const cp = JSON.parse(JSON.stringify(a.checkpoint)) as IndexCheckpoint;
      expect(cp.date).toBe(cut);
      const b = continueIndex(methodology, input, cp);
      const joined = [...a.sessions, ...b.sessions].map((s) => JSON.parse(JSON.stringify(s)));
      expect(joined, `cut at ${cut}`).toEqual(full);
    }
  });

  it('without new sessions returns the same checkpoint and nothing to store', () => {
    const a = continueIndex(methodology, input, null);
    const b = continueIndex(methodology, input, a.checkpoint);
    expect(b.sessions).toEqual([]);
    expect(b.checkpoint?.date).toBe(a.checkpoint?.date as SessionDate);
  });
});
