import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listNewsFiles } from '../../../src/sources/newsFiles/listNewsFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'iw-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('listNewsFiles', () => {
  it('lists a symbolic link to a file (as documented only links to folders are skipped, to avoid cycles)', async () => {
    // news/a.md (file), news/b.md -> ../elsewhere/b.md (link to a file), news/loop -> news (link to a folder)
    mkdirSync(join(dir, 'news'));
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'news/a.md'), 'a');
    writeFileSync(join(dir, 'elsewhere/b.md'), 'b');
    symlinkSync(join(dir, 'elsewhere/b.md'), join(dir, 'news/b.md'));
    symlinkSync(join(dir, 'news'), join(dir, 'news/loop'));
    expect(await listNewsFiles(join(dir, 'news'))).toEqual([join(dir, 'news/a.md'), join(dir, 'news/b.md')]);
  });
});
