import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndexFromFiles } from '../../src/app/buildIndex.js';
import { findMethodologyFile } from '../../src/app/indexMethodology.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();

const BAR_HEADER = 'date,open,high,low,close,adj_close,volume\n';
const bar = (d: string, c: number) => `${d},${c},${c},${c},${c},${c},100\n`;

let root: string;
beforeAll(() => {
  root = tmp('iw-engine-');
  mkdirSync(join(root, 'data'));
  mkdirSync(join(root, 'm'));
  writeFileSync(join(root, 'data/A.csv'), BAR_HEADER + bar('2025-01-02', 10) + bar('2025-01-03', 11));
  writeFileSync(join(root, 'data/B.csv'), BAR_HEADER + bar('2025-01-02', 20) + bar('2025-01-03', 20));
  writeFileSync(join(root, 'data/two_members.csv'), 'symbol,name,from,to\nA,Alpha,,\nB,Beta,,\n');
  const yaml = (members: string) =>
    `code: TWO\nname: Two\nbaseDate: 2025-01-02\nbaseValue: 100\ncurrency: HKD\nuniverse:\n  membership: ${members}\nweighting:\n  scheme: equal\n`;
  writeFileSync(join(root, 'm/two.yaml'), yaml('two_members.csv'));
  writeFileSync(join(root, 'm/lost.yaml'), yaml('nowhere.csv'));
  writeFileSync(join(root, 'm/bad.yaml'), yaml('two_members.csv').replace('scheme: equal', 'scheme: equal\n  cap: 2'));
});

describe('buildIndexFromFiles', () => {
  it('finds the membership file in --data when it is not beside the methodology', async () => {
    const run = await buildIndexFromFiles({ methodologyPath: join(root, 'm/two.yaml'), dataDir: join(root, 'data') });
    // equal weights: 100 x (0.5 x 11/10 + 0.5 x 20/20) = 105
    expect(run.sessions.map((s) => s.level)).toEqual([100, 105]);
    expect(run.sessions[1]!.constituents.map((c) => c.symbol)).toEqual(['A', 'B']);
  });

  it('--members overrides the methodology', async () => {
    writeFileSync(join(root, 'only_a.csv'), 'symbol,name,from,to\nA,Alpha,,\n');
    const run = await buildIndexFromFiles({ methodologyPath: join(root, 'm/lost.yaml'), dataDir: join(root, 'data'), membersPath: join(root, 'only_a.csv') });
    expect(run.sessions.at(-1)!.level).toBeCloseTo(110, 12); // 100 x 11/10
  });

  it('limits the sessions returned with from/to', async () => {
    const run = await buildIndexFromFiles({ methodologyPath: join(root, 'm/two.yaml'), dataDir: join(root, 'data'), from: '2025-01-03' as never });
    expect(run.sessions.map((s) => s.date)).toEqual(['2025-01-03']);
    expect(run.sessions[0]!.previousLevel).toBe(100);
  });

  it('says where the membership file was looked for', async () => {
    await expect(buildIndexFromFiles({ methodologyPath: join(root, 'm/lost.yaml'), dataDir: join(root, 'data') })).rejects.toThrow(
      `${join(root, 'm/nowhere.csv')}: membership file not found (nor ${join(root, 'data/nowhere.csv')}); pass --members FILE`,
    );
  });

  it('names file, line and field of a bad methodology', async () => {
    await expect(buildIndexFromFiles({ methodologyPath: join(root, 'm/bad.yaml'), dataDir: join(root, 'data') })).rejects.toThrow(
      `${join(root, 'm/bad.yaml')}:10: field "weighting.cap": value "2" must be in (0, 1]`,
    );
  });

  it('reports an unreadable methodology file', async () => {
    await expect(buildIndexFromFiles({ methodologyPath: join(root, 'm/none.yaml'), dataDir: join(root, 'data') })).rejects.toThrow(
      /m\/none\.yaml: cannot read methodology: ENOENT/,
    );
  });

  it('reads a security master (ffmcap, filters) and corporate actions beside the methodology', async () => {
    writeFileSync(join(root, 'm/sec.csv'), 'symbol,shares_outstanding,free_float_factor,sector\nA,6,1,Tech\nB,2,0.5,Tech\nC,9,1,Bank\n');
    writeFileSync(join(root, 'm/act.csv'), 'symbol,ex_date,kind,amount,ratio,new_shares,old_shares,subscription_price\nB,2025-01-03,split,,2,,,\n');
    writeFileSync(join(root, 'data/C.csv'), BAR_HEADER + bar('2025-01-02', 1) + bar('2025-01-03', 1));
    writeFileSync(
      join(root, 'm/cap.yaml'),
      'code: CAP\nname: Cap\nbaseDate: 2025-01-02\nbaseValue: 100\ncurrency: HKD\nsecuritiesFile: sec.csv\nactionsFile: act.csv\n' +
        'universe:\n  filters: {sector: Tech}\nweighting:\n  scheme: ffmcap\n',
    );
    const run = await buildIndexFromFiles({ methodologyPath: join(root, 'm/cap.yaml'), dataDir: join(root, 'data') });
    // ffmcap: A 6 x 10 = 60, B 2 x 0.5 x 20 = 20 -> weights .75 / .25 (C is a bank: filtered out)
    // day 2: B splits 2:1 (20 -> 10) and closes 20 in the file = +100% after the split; A +10%
    // level = 100 x (0.75 x 1.1 + 0.25 x 2) = 132.5
    expect(run.sessions[0]!.constituents.map((c) => [c.symbol, c.weight])).toEqual([['A', 0.75], ['B', 0.25]]);
    expect(run.sessions[1]!.events).toEqual(['split B 2:1']);
    expect(run.sessions[1]!.level).toBeCloseTo(132.5, 10);
  });

  it('names file, line and field of a bad corporate action', async () => {
    writeFileSync(join(root, 'm/act2.csv'), 'symbol,ex_date,kind,amount,ratio,new_shares,old_shares,subscription_price\nB,2025-01-03,merger,,,,,\n');
    writeFileSync(join(root, 'm/act2.yaml'), readFileSync(join(root, 'm/cap.yaml'), 'utf8').replace('act.csv', 'act2.csv'));
    await expect(buildIndexFromFiles({ methodologyPath: join(root, 'm/act2.yaml'), dataDir: join(root, 'data') })).rejects.toThrow(
      `${join(root, 'm/act2.csv')}:2: field "kind": value "merger" must be one of split, cash_dividend, special_dividend, rights_issue, share_change`,
    );
  });

  it('resolves an index code to methodologies/<code>*.yaml', () => {
    expect(findMethodologyFile('HSTECH-R')).toMatch(/methodologies\/hstech-replica\.yaml$/);
    expect(findMethodologyFile('TWO', join(root, 'm'))).toBe(join(root, 'm/two.yaml'));
    expect(() => findMethodologyFile('XYZ', join(root, 'm'))).toThrow(`${join(root, 'm')}: no methodology xyz*.yaml for index code "XYZ"; pass --methodology FILE`);
  });
});
