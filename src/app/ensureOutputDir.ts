import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SourceError } from '../core/errors.js';

/**
 * Creates an output folder (`--out DIR`) and its missing parents one level at a time, or fails at once with one
 * line naming the option and the folder. Node's `mkdirSync(p, {recursive: true})` never returns on a path such as
 * `/proc/x` (the kernel answers ENOENT for a folder whose parent exists, and it retries forever); here every level
 * is made by a plain `mkdir`, so each failure is final. A path that exists and is not a folder is refused.
 * @example ensureOutputDir('out/stories', '--out')
 * `shown` is the folder named in messages (the user's `--out` when `path` is a working folder beside it).
 * @throws SourceError naming `option` and the folder.
 */
export function ensureOutputDir(path: string, option = '--out', shown = path): void {
  const abs = resolve(path);
  const missing: string[] = [];
  let p = abs;
  for (;;) {
    try {
      if (!statSync(p).isDirectory()) {
        throw new SourceError(`${option} ${shown}`, p === abs ? 'exists and is not a folder' : `${p} is not a folder`, false);
      }
      break;
    } catch (e) {
      if (e instanceof SourceError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new SourceError(`${option} ${shown}`, `cannot use the folder: ${code ?? (e as Error).message}`, false);
      const up = dirname(p);
      if (up === p) throw new SourceError(`${option} ${shown}`, 'cannot create the folder: no existing parent', false);
      missing.push(p);
      p = up;
    }
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statSync(d).isDirectory()) continue;
      throw new SourceError(`${option} ${shown}`, `cannot create the folder ${d}: ${code ?? (e as Error).message}`, false);
    }
  }
}
