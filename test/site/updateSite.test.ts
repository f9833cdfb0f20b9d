import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/app/site/buildSite.js';
import { updateSite, type UpdateSiteResult } from '../../src/app/site/updateSite.js';
import { tempDirs } from '../support/tempDirs.js';
import { writeFixtureStories } from './siteFixture.js';
import { filesOf } from '../support/filesOf.js';

describe('site update after a story changed (the live desk\'s --site)', () => {
  const tmp = tempDirs();
  let root: string;
  let stories: string;
  let out: string;
  let first: UpdateSiteResult;
  let second: UpdateSiteResult;
  let third: UpdateSiteResult;
  let filesAfterFirst = 0;
  const mtimeAfterSecond = new Map<string, number>();
  const OLD = 946_684_800; // 2000-01-01, set on every file after the first build: a rewritten file gets a new time

  beforeAll(() => {
    root = tmp('iw-siteupdate-');
    stories = join(root, 'stories');
    out = join(root, 'site');
    writeFixtureStories(stories, 3); // tech0 (2025-02-07), tech1 (02-06), tech2 (02-05), en + zh-Hant each
    first = updateSite({ storiesDir: stories, outDir: out });
    filesAfterFirst = filesOf(out, 'latin1').size;
    for (const f of filesOf(out, 'latin1').keys()) utimesSync(join(out, f), OLD, OLD);
    // a later version of tech2's English story: one more paragraph (title, date and tags unchanged)
    appendFileSync(join(stories, 'tech2-2025-02-07.en.md'), '\nThe index held its gains into the close.\n');
    second = updateSite({ storiesDir: stories, outDir: out });
    for (const [rel, t] of [...filesOf(out, 'latin1').keys()].map((f) => [f, statSync(join(out, f)).mtimeMs] as const)) mtimeAfterSecond.set(rel, t);
    rmSync(join(stories, 'tech1-2025-02-07.zh-Hant.md'));
    third = updateSite({ storiesDir: stories, outDir: out });
  });

  it('builds the whole site the first time', () => {
    expect(first.written.length).toBe(filesAfterFirst);
    expect(first.written).toContain('index.html');
    expect(first.removed).toEqual([]);
  });

  it('rewrites only the pages whose bytes changed: the story\'s own page and the search index, nothing else', () => {
    const page = readdirSync(join(out, 'stories')).find((f) => f.startsWith('tech2-') && f.endsWith('.en.html')) as string;
    expect(second.written).toEqual(['search.json', `stories/${page}`]);
    expect(second.removed).toEqual([]);
    expect(second.unchanged).toBe(filesAfterFirst - 2);
    expect(readFileSync(join(out, 'stories', page), 'utf8')).toContain('The index held its gains into the close.');
    // untouched files keep their time; the rewritten page has a new one
    const touched = [...mtimeAfterSecond].filter(([, t]) => t !== OLD * 1000).map(([f]) => f).sort();
    expect(touched).toEqual(['search.json', `stories/${page}`]);
  });

  it('removes the pages of a story that is gone, and ends equal to a fresh build, with no scratch folder left', () => {
    expect(third.removed).toEqual(expect.arrayContaining([expect.stringMatching(/^stories\/tech1-.*\.zh-Hant\.html$/)]));
    const fresh = join(root, 'fresh');
    buildSite({ storiesDir: stories, outDir: fresh });
    expect(filesOf(out, 'latin1')).toEqual(filesOf(fresh, 'latin1'));
    expect(existsSync(`${out}.next`)).toBe(false);
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });
});
