import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import { buildStoryInput } from '../../src/app/story/buildStoryInput.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';

describeWithSharedData('a stock story ignores an index membership file (real data)', () => {
  it('Tencent on 2025-04-07 names no HSTECH movers or breadth, and other members cannot block it', async () => {
    const input = await buildStoryInput({ symbol: '0700.HK', date: '2025-04-07' as SessionDate, dataDir: HK_DATA, membersPath: resolve(HK_DATA, 'hstech_members.csv') });
    expect(input.kind).toBe('stock');
    // Members are an index's: "Lenovo Group led the decliners" in a Tencent story was about HSTECH, not Tencent.
    expect(input.members).toBeNull();
    const s = writeStory(input);
    const text = s.documents.find((d) => d.lang === 'en')!.paragraphs.join(' ');
    expect(text).not.toMatch(/Lenovo|members|decliners/);
    expect(s.publishable).toBe(true);
  });

  it('2024-10-02: East Buy (1797.HK, +46.3%) no longer blocks a Tencent story as an implausible move', async () => {
    const input = await buildStoryInput({ symbol: '0700.HK', date: '2024-10-02' as SessionDate, dataDir: HK_DATA, membersPath: resolve(HK_DATA, 'hstech_members.csv') });
    const s = writeStory(input);
    expect(s.gateFailures.map((g) => JSON.stringify(g)).join(' ')).not.toContain('1797.HK');
  });
});

describeWithSharedData('a story on a day without a session names the real neighbours (real data)', () => {
  it('HSTECH 2025-02-08 (a Saturday): previous 2025-02-07, next 2025-02-10, not "no later session"', async () => {
    await expect(buildStoryInput({ symbol: 'HSTECH', date: '2025-02-08' as SessionDate, dataDir: HK_DATA })).rejects.toThrow(
      /no session on this date in HSTECH \(previous session 2025-02-07, next session 2025-02-10\)/,
    );
  });
});
