import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndexFromFiles } from '../../src/app/buildIndex.js';
import { findMethodologyFile } from '../../src/app/indexMethodology.js';

const BAR_HEADER = 'date,open,high,low,close,adj_close,volume\n';
const bar = (d: string, c: number) => `${d},${c},${c},${c},${c},${c},100\n`;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'iw-engine-'));
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

  it('resolves an index code to methodologies/<code>*.yaml', () => {
    expect(findMethodologyFile('HSTECH-R')).toMatch(/methodologies\/hstech-replica\.yaml$/);
    expect(findMethodologyFile('TWO', join(root, 'm'))).toBe(join(root, 'm/two.yaml'));
    expect(() => findMethodologyFile('XYZ', join(root, 'm'))).toThrow(`${join(root, 'm')}: no methodology xyz*.yaml for index code "XYZ"; pass --methodology FILE`);
  });
});
