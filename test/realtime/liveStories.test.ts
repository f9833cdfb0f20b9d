import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { LiveHub, type StoryMessage } from '../../src/app/live/LiveHub.js';
import { runReplay, type ReplaySummary } from '../../src/app/live/runReplay.js';
import { asSessionDate } from '../../src/core/units.js';
import type { FactLedger, StoryLang } from '../../src/domain/story.js';
import { checkStoryText } from '../../src/stories/ledger/checkStoryText.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../support/sharedData.js';
import { filesOf } from '../support/filesOf.js';

/** A story file's title, date and text paragraphs (the byline, which holds no claim, left out). */
function readStory(md: string): { title: string; date: string; paragraphs: string[] } {
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(md);
  if (!m) throw new Error('no front matter');
  const fm = parseYaml(m[1] as string) as { title: string; date: string };
  const paragraphs = (m[2] as string).trim().split('\n\n').slice(1);
  return { title: fm.title, date: fm.date, paragraphs };
}

describeWithSharedData('live story desk: HSTECH replayed on 2025-02-07 from the real data', () => {
  const dirA = mkdtempSync(join(tmpdir(), 'iw-livestory-a-'));
  const dirB = mkdtempSync(join(tmpdir(), 'iw-livestory-b-'));
  afterAll(() => {
    rmSync(dirA, { recursive: true, force: true });
    rmSync(dirB, { recursive: true, force: true });
  });
  const date = asSessionDate('2025-02-07');
  const base = { dataDir: HK_DATA, date, methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml') };
  let a: ReplaySummary;
  let b: ReplaySummary;
  const messages: StoryMessage[] = [];

  beforeAll(async () => {
    const hub = new LiveHub();
    hub.subscribeStories('HSTECH', (m) => messages.push(m));
    a = await runReplay({ ...base, hub, stories: { storiesDir: dirA, newsPath: NEWS_DATA } });
    b = await runReplay({ ...base, stories: { storiesDir: dirB, newsPath: NEWS_DATA } });
  }, 600_000);

  it('files the flash before noon saying technical bull territory, updates, and closes at the official 5,150.35', () => {
    const v = a.stories ?? [];
    expect(v.length).toBeGreaterThanOrEqual(2);
    const first = readStory(readFileSync(join(dirA, (v[0] as { files: readonly string[] }).files.find((f) => f.endsWith('.en.md')) as string), 'utf8'));
    expect(first.date < '2025-02-07 12:00:00').toBe(true);
    expect(`${first.title}\n${first.paragraphs[0]}`).toMatch(/technical bull territory/);
    expect(first.paragraphs).toHaveLength(2); // the flash: lede and one context paragraph
    const last = v.at(-1) as NonNullable<ReplaySummary['stories']>[number];
    expect(last.published >= '2025-02-07 16:00:00').toBe(true);
    expect(last.reason).toBe('close');
    const closeText = readStory(readFileSync(join(dirA, 'hstech-2025-02-07.en.md'), 'utf8'));
    // the official close (HSTECH.csv 2025-02-07), not the replica's 5,168.22: +90.97 points = 5150.35 - 5059.38
    expect(closeText.paragraphs.join('\n')).toContain('closed up 1.8% at 5,150.35, a gain of 90.97 points');
    expect(closeText.title).toMatch(/ — Update$/);
    for (const x of v.slice(1)) expect(x.title).toMatch(/ — Update$/);
    expect(v[0]?.title).not.toMatch(/Update/);
    // the Chinese close says 5,150.35 too
    expect(readFileSync(join(dirA, 'hstech-2025-02-07.zh-Hant.md'), 'utf8')).toContain('報5,150.35點');
  });

  it('keeps every version under its own name and each passes the checker against its own ledger', () => {
    const files = filesOf(dirA);
    const stems = [...files.keys()].filter((f) => f.startsWith('versions/') && f.endsWith('.ledger.json')).map((f) => f.replace(/\.ledger\.json$/, ''));
    expect(stems.length).toBe(a.stories?.length);
    for (const stem of stems) {
      const ledger = JSON.parse(files.get(`${stem}.ledger.json`) as string) as FactLedger;
      for (const lang of ['en', 'zh-Hant'] as StoryLang[]) {
        const s = readStory(files.get(`${stem}.${lang}.md`) as string);
        expect(checkStoryText([s.title, ...s.paragraphs].join('\n'), ledger, lang)).toEqual([]);
        // the front matter date is the version's event time, which its name carries
        expect(s.date.slice(11).replace(/:/g, '')).toBe(stem.slice(-6));
      }
    }
    // the latest is the last version, byte for byte
    const lastStem = stems.sort().at(-1) as string;
    expect(files.get('hstech-2025-02-07.en.md')).toBe(files.get(`${lastStem}.en.md`));
    expect(files.get('hstech-2025-02-07.ledger.json')).toBe(files.get(`${lastStem}.ledger.json`));
  });

  it('writes the same files byte for byte when replayed again', () => {
    expect(filesOf(dirB)).toEqual(filesOf(dirA));
    expect(b.stories).toEqual(a.stories);
  });

  it('sends every version to /live subscribers of the index as a story message', () => {
    expect(messages.map((m) => m.version)).toEqual((a.stories ?? []).map((s) => s.version));
    expect(messages.every((m) => m.type === 'story' && m.index === 'HSTECH' && m.indexes.includes('HSTECH-R'))).toBe(true);
    expect(messages.at(-1)?.final).toBe(true);
    expect(messages.slice(1).every((m) => m.update)).toBe(true);
  });
});
