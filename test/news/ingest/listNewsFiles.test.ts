import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestNews } from '../../../src/app/news/ingest.js';
import { listNewsFiles, listNewsFilesReport } from '../../../src/sources/newsFiles/listNewsFiles.js';
import { MemoryNewsStore } from '../../../src/store/news/MemoryNewsStore.js';

const dir = mkdtempSync(join(tmpdir(), 'iw-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('listNewsFiles', () => {
  // news/a.md (file), news/c.md -> news/sub/c.md (link inside), news/b.md -> ../elsewhere/b.md (link outside),
  // news/loop -> news (link to a folder)
  mkdirSync(join(dir, 'news/sub'), { recursive: true });
  mkdirSync(join(dir, 'elsewhere'));
  writeFileSync(join(dir, 'news/a.md'), 'a');
  writeFileSync(join(dir, 'news/sub/c.md'), 'c');
  writeFileSync(join(dir, 'elsewhere/b.md'), '---\ntitle: secret\ndate: 2025-01-01\n---\nnot for the desk');
  symlinkSync(join(dir, 'elsewhere/b.md'), join(dir, 'news/b.md'));
  symlinkSync(join(dir, 'news/sub/c.md'), join(dir, 'news/c.md'));
  symlinkSync(join(dir, 'news'), join(dir, 'news/loop'));

  it('reads a symbolic link to a file inside the folder; a link to a file outside it is not followed, and says so (issue 15)', async () => {
    expect(await listNewsFiles(join(dir, 'news'))).toEqual([join(dir, 'news/a.md'), join(dir, 'news/c.md'), join(dir, 'news/sub/c.md')]);
    expect((await listNewsFilesReport(join(dir, 'news'))).skipped)
      .toEqual([{ path: join(dir, 'news/b.md'), reason: 'symbolic link to a file outside the news folder, not followed' }]);
  });
  it('ingest reports the link that was not followed as a refused file, in path order', async () => {
    const s = await ingestNews([join(dir, 'news')], { store: new MemoryNewsStore() });
    expect(s.files.map((f) => f.path)).toEqual(['a.md', 'b.md', 'c.md', 'sub/c.md'].map((f) => join(dir, 'news', f)));
    expect(s.files[1]!.rejected).toEqual([{ origin: join(dir, 'news/b.md'), reason: `${join(dir, 'news/b.md')}: symbolic link to a file outside the news folder, not followed` }]);
    expect(s.rejected.map((r) => r.origin)).toContain(join(dir, 'news/b.md'));
  });
});
