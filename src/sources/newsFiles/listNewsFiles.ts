import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SourceError } from '../../core/errors.js';

/**
 * Every file under `path` (a file gives itself), recursively, sorted by path; hidden files and folders
 * (names starting with ".") and `node_modules` are skipped. Symbolic links to files are listed; links to folders
 * are not followed (no cycles), nor are broken links.
 * @throws SourceError when `path` does not exist or cannot be read.
 */
export async function listNewsFiles(path: string): Promise<string[]> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    throw new SourceError(path, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, false);
  }
  if (!st.isDirectory()) return [path];
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(p);
      else if (e.isSymbolicLink() && (await stat(p).then((t) => t.isFile(), () => false))) out.push(p); // a link to a file
    }
  };
  await walk(path);
  return out.sort();
}
