import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildIndexFromFiles } from '../../src/app/buildIndex.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();

it('a member whose bar file exists but is rejected is not reported as having no bar file', async () => {
  const root = tmp('iw-rejected-');
  const header = 'date,open,high,low,close,adj_close,volume\n';
  writeFileSync(join(root, 'A.csv'), `${header}2025-01-02,10,10,10,10,10,100\n2025-01-03,11,11,11,11,11,100\n`);
  writeFileSync(join(root, 'C.csv'), 'when,price\n2025-01-02,5\n'); // wrong header: the file is rejected
  writeFileSync(join(root, 'two_members.csv'), 'symbol,name,from,to\nA,Alpha,,\nC,Gamma,,\n');
  writeFileSync(
    join(root, 'two.yaml'),
    'code: TWO\nname: Two\nbaseDate: 2025-01-02\nbaseValue: 100\ncurrency: HKD\nuniverse:\n  membership: two_members.csv\nweighting:\n  scheme: equal\n',
  );
  const run = await buildIndexFromFiles({ methodologyPath: join(root, 'two.yaml'), dataDir: root });
  expect(run.sessions.map((s) => s.level)).toEqual([100, 110]); // A alone: 100 x 11/10
  expect(run.issues.some((i) => i.startsWith(`${join(root, 'C.csv')}:1:`) && i.endsWith('(file rejected)'))).toBe(true);
  expect(run.issues).not.toContain(`C: no bar file C.csv in ${root}`);
});

it('a from/to window with no session says so, rather than claiming the data has no session after the base date', async () => {
  const { buildIndex } = await import('../../src/engine/buildIndex.js');
  const { barsFrom, D, methodology } = await import('./helpers.js');
  const m = methodology('universe:\n  symbols: [A]\nweighting:\n  scheme: equal\n');
  const run = buildIndex(m, { bars: barsFrom(D, { A: [10, 11, 12] }), from: '2025-02-01' as never });
  expect(run.sessions).toEqual([]);
  expect(run.issues).toEqual(['no session between 2025-02-01 and the end of the data (3 sessions computed from the base date 2025-01-02)']);
});
