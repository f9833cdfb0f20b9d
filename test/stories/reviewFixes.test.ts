import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import type { Fact } from '../../src/domain/fact.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { fixtureInput } from './fixtures.js';

const en = (s: ReturnType<typeof writeStory>) => s.documents.find((d) => d.lang === 'en')!;
const zh = (s: ReturnType<typeof writeStory>) => s.documents.find((d) => d.lang === 'zh-Hant')!;
const withFacts = (facts: Fact[], over: Parameters<typeof fixtureInput>[0] = {}) =>
  writeStory(fixtureInput({ members: null, report: { ...fixtureInput().report!, facts }, ...over }));

describe('story review fixes', () => {
  it('never reports a snapped streak as a running one', () => {
    // The session ends a 4-session winning streak (analytics event "snapped"): the streak is over, so
    // "rises for 4 straight sessions" would be false. With no other fact the story leads with the move:
    // 1210 / 1180 - 1 = 2.542% -> "rises 2.5%".
    const s = withFacts([{ type: 'streak', basis: 'close', event: 'snapped', count: 4, period: 'session', detail: { direction: 'up' } }]);
    const text = [en(s).frontMatter.title, ...en(s).paragraphs].join('\n');
    expect(text).not.toMatch(/straight sessions/);
    expect(en(s).frontMatter.title).toBe('Techx Index rises 2.5%');
    expect(zh(s).markdown).not.toContain('連升4');
  });

  it('still reports a running streak', () => {
    const s = withFacts([{ type: 'streak', basis: 'close', event: 'in', count: 4, period: 'session', since: 'record', detail: { direction: 'up' } }]);
    expect(en(s).frontMatter.title).toBe('Techx Index rises for 4 straight sessions');
  });
});
