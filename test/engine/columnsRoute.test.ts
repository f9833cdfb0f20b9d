import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndexFromFiles, buildIndexFromFilesThroughStore, type IndexRun } from '../../src/app/buildIndex.js';
import { writeDemoData } from '../../src/app/demoData.js';
import { syntheticMethodologyYaml, writeSyntheticMarket } from '../../bench/pandas/syntheticMarket.js';
import { REPO_ROOT } from '../support/sharedData.js';
import { runCli } from '../support/runCli.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();

/** A run as plain data: constituents materialised, so two runs compare field by field. */
const plain = (r: IndexRun) => JSON.parse(JSON.stringify(r)) as unknown;

let demo: string, damaged: string, synth: string;
const SIMTECH = join(REPO_ROOT, 'methodologies/simtech.yaml');

beforeAll(() => {
  const root = tmp('iw-columns-');
  demo = join(root, 'demo');
  writeDemoData(demo);
  // the same market, damaged in every way the CSV policy knows (each file still read by the careful parser)
  damaged = join(root, 'damaged');
  mkdirSync(damaged);
  for (const n of readdirSync(demo)) copyFileSync(join(demo, n), join(damaged, n));
  const bars = readdirSync(damaged).filter((n) => n.endsWith('.SIM.csv')).sort();
  const edit = (name: string, f: (lines: string[]) => string[], sep = '\n') => {
    const lines = readFileSync(join(damaged, name), 'utf8').split('\n');
    writeFileSync(join(damaged, name), f(lines).join(sep));
  };
  edit(bars[0] as string, (l) => l, '\r\n'); // CRLF: fine
  edit(bars[1] as string, (l) => l.map((x, i) => (i === 5 ? x.replace(/,([\d.]+),/, ',abc,') : x))); // a row skipped
  edit(bars[2] as string, (l) => l.map((x, i) => (i === 9 ? x.split(',').map((v, k) => (k === 2 ? '0.01' : v)).join(',') : x))); // high below low
  edit(bars[3] as string, (l) => ['when,open,high,low,close,adj_close,volume', ...l.slice(1)]); // rejected
  edit(bars[4] as string, (l) => [l[0] as string, ...l.slice(1, 20), '', ...l.slice(20)]); // a blank line: fine
  edit(bars[5] as string, (l) => l.map((x, i) => (i === 30 ? x.replace(/,(\d+)$/, ',"$1"') : x))); // quoted volume: fine
  rmSync(join(damaged, bars[6] as string)); // a member without a file
  synth = join(root, 'synth');
  const m = writeSyntheticMarket(synth, { symbols: 40, sessions: 400 });
  writeFileSync(join(root, 'synth.yaml'), syntheticMethodologyYaml(m.first, 10, 0.15));
});

describe('index build --data: the close-column route equals the import-into-the-store route', () => {
  it('on the demo market (members, corporate actions, reviews), every session, constituent and issue', async () => {
    for (const o of [{}, { from: '2024-03-01', to: '2024-09-30' }] as const) {
      const opts = { methodologyPath: SIMTECH, dataDir: demo, membersPath: join(demo, 'simtech_members.csv'), ...o } as Parameters<typeof buildIndexFromFiles>[0];
      const fast = await buildIndexFromFiles(opts);
      expect(fast.sessions.length).toBeGreaterThan(100);
      expect(plain(fast)).toEqual(plain(await buildIndexFromFilesThroughStore(opts)));
    }
  });

  it('on a damaged copy: the same rows skipped and repaired, the same messages, in the same order', async () => {
    const opts = { methodologyPath: SIMTECH, dataDir: damaged, membersPath: join(damaged, 'simtech_members.csv') };
    const fast = await buildIndexFromFiles(opts);
    const slow = await buildIndexFromFilesThroughStore(opts);
    expect(fast.issues.some((i) => i.endsWith('(file rejected)'))).toBe(true);
    expect(fast.issues.some((i) => i.includes('field "open": value "abc" not a number (row skipped)'))).toBe(true);
    expect(fast.issues.some((i) => i.includes(': no bar file '))).toBe(true);
    expect(plain(fast)).toEqual(plain(slow));
  });

  it('on the synthetic market of the pandas bench (universe from the security master\'s filters)', async () => {
    const opts = { methodologyPath: join(synth, '..', 'synth.yaml'), dataDir: synth };
    const fast = await buildIndexFromFiles(opts);
    expect(fast.sessions).toHaveLength(400);
    expect(fast.sessions[0]!.constituents).toHaveLength(10);
    expect(plain(fast)).toEqual(plain(await buildIndexFromFilesThroughStore(opts)));
  });

  it('`index build --json` streams exactly the JSON of the whole run (2-space indent), constituents included', async () => {
    const opts = { methodologyPath: SIMTECH, dataDir: demo, membersPath: join(demo, 'simtech_members.csv'), from: '2024-06-03', to: '2024-06-14' } as Parameters<typeof buildIndexFromFiles>[0];
    const [code, out] = await runCli(['index', 'build', SIMTECH, '--data', demo, '--members', opts.membersPath as string, '--from', '2024-06-03', '--to', '2024-06-14', '--json']);
    expect(code).toBe(0);
    expect(out).toBe(`${JSON.stringify(await buildIndexFromFilesThroughStore(opts), null, 2)}\n`);
    // no session at all: an empty array, as JSON.stringify writes it
    const [code2, out2] = await runCli(['index', 'build', SIMTECH, '--data', demo, '--members', opts.membersPath as string, '--from', '2030-01-01', '--json']);
    expect(code2).toBe(0);
    const none = await buildIndexFromFilesThroughStore({ ...opts, from: '2030-01-01' as never, to: undefined as never });
    expect(none.sessions).toEqual([]);
    expect(out2).toBe(`${JSON.stringify(none, null, 2)}\n`);
  });
});
