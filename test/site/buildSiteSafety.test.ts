import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/app/site/buildSite.js';
import { ConfigError } from '../../src/core/errors.js';
import { writeFixtureStories } from './siteFixture.js';

describe('site build never deletes the stories it reads', () => {
  const root = mkdtempSync(join(tmpdir(), 'iw-site-safe-'));
  const stories = join(root, 'stories');
  writeFixtureStories(stories, 1);
  const story = join(stories, 'tech0-2025-02-07.en.md');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses --out equal to --stories (the swap would remove the stories folder)', () => {
    expect(() => buildSite({ storiesDir: stories, outDir: stories })).toThrow(ConfigError);
    expect(existsSync(story)).toBe(true);
  });

  it('refuses --out that contains --stories (e.g. --out . with --stories ./stories)', () => {
    expect(() => buildSite({ storiesDir: stories, outDir: root })).toThrow(/--out/);
    expect(existsSync(story)).toBe(true);
  });

  it('still builds beside them', () => {
    expect(buildSite({ storiesDir: stories, outDir: join(root, 'site') }).stories).toBe(2);
    expect(existsSync(story)).toBe(true);
  });
});
