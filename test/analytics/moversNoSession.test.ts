import { join } from 'node:path';
import { expect, it } from 'vitest';
import { moversFromFiles } from '../../src/app/movers.js';
import { HK_DATA, describeWithSharedData } from '../support/sharedData.js';

describeWithSharedData('movers on a day without a session (real data)', () => {
  it('is an error naming the date, not a report of 0 members', async () => {
    // 2025-02-08 is a Saturday: no HSTECH member has a bar
    await expect(
      moversFromFiles({ symbol: 'HSTECH', on: '2025-02-08', dataDir: HK_DATA, membersPath: join(HK_DATA, 'hstech_members.csv') }),
    ).rejects.toThrow('--on: value "2025-02-08" no member of HSTECH has a bar on this date: not a session in the data');
  });
});
