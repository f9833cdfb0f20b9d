import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReferenceData } from './referenceData.js';
import { tempDirs } from '../../test/support/tempDirs.js';

const tmp = tempDirs();

describe('loadReferenceData', () => {
  it('reads securities and actions beside the bars, and nothing when there are none', () => {
    const dir = tmp('iw-ref-');
    expect(loadReferenceData(dir)).toEqual({ files: [] });
    writeFileSync(join(dir, 'x_actions.json'), JSON.stringify([{ kind: 'split', symbol: 'A.SIM', exDate: '2024-03-04', ratio: 2 }]));
    writeFileSync(join(dir, 'x_securities.json'), JSON.stringify([
      { id: 'A.SIM', kind: 'stock', name: 'A', currency: 'HKD', exchange: 'XHKG', sharesOutstanding: 1e9, freeFloatFactor: 0.5 },
    ]));
    const r = loadReferenceData(dir);
    expect(r.actions).toEqual([{ kind: 'split', symbol: 'A.SIM', exDate: '2024-03-04', ratio: 2 }]);
    expect(r.securities?.get('A.SIM' as never)?.freeFloatFactor).toBe(0.5);
  });
  it('names the file and the field of a bad entry', () => {
    const dir = tmp('iw-ref-');
    const p = join(dir, 'x_actions.json');
    writeFileSync(p, JSON.stringify([{ kind: 'split', symbol: 'A', exDate: '2024-02-30', ratio: 2 }]));
    expect(() => loadReferenceData(dir)).toThrow(`${p}: field "[0].exDate": must be a date (YYYY-MM-DD)`);
  });
});
