import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file of a folder, recursively: relative path (with `/`) -> content. `latin1` keeps every byte as one
 * character (for byte-for-byte comparisons of binary files too).
 */
export function filesOf(dir: string, encoding: BufferEncoding = 'utf8', sub = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of filesOf(dir, encoding, rel)) out.set(k, v);
    else out.set(rel, readFileSync(join(dir, rel), encoding));
  }
  return out;
}
