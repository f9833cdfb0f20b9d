import { expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import { buildStoryInput } from '../../src/app/story/buildStoryInput.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';

describeWithSharedData('weekly facts on the last session of a short week (real data, HKEX calendar)', () => {
  it('HSTECH 2024-10-10: Friday 11 October was a holiday (Chung Yeung), so Thursday closes the week', async () => {
    const input = await buildStoryInput({ symbol: 'HSTECH', date: '2024-10-10' as SessionDate, dataDir: HK_DATA });
    expect(input.weekComplete).toBe(true);
    // analytics: week change 4,736.10 against the close of 2024-10-04: -9.39%, the worst since the week ending
    // 2024-01-19 (-9.82%); it was dropped when only Fridays closed a week.
    const en = writeStory(input).documents.find((d) => d.lang === 'en')!;
    expect(en.paragraphs.join(' ')).toContain("worst week since January 19");
  });

  it('an ordinary Thursday does not close its week', async () => {
    const input = await buildStoryInput({ symbol: 'HSTECH', date: '2025-02-06' as SessionDate, dataDir: HK_DATA });
    expect(input.weekComplete).toBe(false);
  });
});
