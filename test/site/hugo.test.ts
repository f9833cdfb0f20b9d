import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportHugoContent } from '../../src/app/site/exportHugoContent.js';
import { writeFixtureStories } from './siteFixture.js';

const hugo = spawnSync('hugo', ['version'], { encoding: 'utf8' });
const hasHugo = hugo.status === 0;

// `npm test` installs hugo first (scripts/provisionTestTools.mjs): without it this test fails, it never skips.
describe(`Hugo builds the stories as a content folder (${hasHugo ? hugo.stdout.trim().split(' ')[1] : 'hugo missing'})`, () => {
  const root = mkdtempSync(join(tmpdir(), 'iw-hugo-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds with no errors or warnings, and the story, translation and taxonomy pages exist', () => {
    expect(hasHugo, `hugo not found on PATH (${hugo.error?.message ?? hugo.stderr}): run apt-get install -y hugo, or npm test which does`).toBe(true);
    writeFixtureStories(join(root, 'stories'), 3);
    const site = join(root, 'site');
    mkdirSync(site, { recursive: true });
    expect(exportHugoContent(join(root, 'stories'), site)).toBe(6);
    const r = spawnSync('hugo', ['--buildFuture', '--source', site, '--destination', join(site, 'public'), '--cacheDir', join(root, 'hugo-cache')], { encoding: 'utf8' });
    const log = `${r.stdout}\n${r.stderr}`;
    expect(r.status, log).toBe(0);
    expect(log).not.toMatch(/ERROR|WARN/);
    const pub = (p: string) => join(site, 'public', p);
    for (const p of ['posts/tech0-2025-02-07/index.html', 'zh-hant/posts/tech0-2025-02-07/index.html', 'tags/bull-market/index.html', 'categories/markets/index.html', 'posts/tech0-2025-02-07/tech0-2025-02-07.index.svg']) {
      expect(existsSync(pub(p)), p).toBe(true);
    }
    const en = readFileSync(pub('posts/tech1-2025-02-07/index.html'), 'utf8');
    expect(en).toContain('<h1>Techx Index enters technical bull market</h1>');
    expect(en).toContain('href="/zh-hant/posts/tech1-2025-02-07/"');
    // Goldmark leaves the escaped headline as text: no script element from the quoted news title
    expect(readFileSync(pub('posts/tech0-2025-02-07/index.html'), 'utf8')).not.toMatch(/<script|<img src=x/);
  });
});
