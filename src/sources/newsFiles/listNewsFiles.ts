import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { SourceError } from '../../core/errors.js';

export interface ListedNewsFiles {
  /** Files to read, sorted by path. */
  readonly files: string[];
  /** Entries left out on purpose, with why (a link to a file outside the folder). */
  readonly skipped: { readonly path: string; readonly reason: string }[];
}

/**
 * Every file under `path` (a file gives itself), recursively, sorted by path; hidden files and folders
 * (names starting with ".") and `node_modules` are skipped. Symbolic links to files inside the folder are listed;
 * links to files outside it are not followed (listNewsFilesReport says so); links to folders are not followed
 * (no cycles), nor are broken links.
 * @throws SourceError when `path` does not exist or cannot be read.
 */
export async function listNewsFiles(path: string): Promise<string[]> {
  return (await listNewsFilesReport(path)).files;
}

/** listNewsFiles with the entries it left out and why. @throws SourceError as listNewsFiles. */
export async function listNewsFilesReport(path: string): Promise<ListedNewsFiles> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    throw new SourceError(path, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, false);
  }
  if (!st.isDirectory()) return { files: [path], skipped: [] };
  const root = await realpath(path);
  const out: string[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(p);
      else if (e.isSymbolicLink() && (await stat(p).then((t) => t.isFile(), () => false))) {
        const target = await realpath(p).catch(() => null);
        if (target !== null && (target === root || target.startsWith(root + sep))) out.push(p); // a link to a file inside the folder
        else skipped.push({ path: p, reason: 'symbolic link to a file outside the news folder, not followed' });
      }
    }
  };
  await walk(path);
  return { files: out.sort(), skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
