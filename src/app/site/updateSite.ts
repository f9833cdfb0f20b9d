import { existsSync, readdirSync, readFileSync, renameSync, rmSync, copyFileSync, mkdirSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSite, type BuildSiteOptions, type BuildSiteResult } from './buildSite.js';

export interface UpdateSiteResult extends BuildSiteResult {
  /** Files written because they are new or their bytes changed (relative to the site folder, sorted). */
  readonly written: readonly string[];
  /** Files removed because the new build no longer has them. */
  readonly removed: readonly string[];
  /** Files left untouched (same bytes). */
  readonly unchanged: number;
}

/** Every file under `dir` (relative paths, `/` separated). */
function filesUnder(dir: string, sub = ''): string[] {
  if (!existsSync(join(dir, sub))) return [];
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) => {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

/**
 * Updates a built site in place after a story changed (the live story desk's `--site`): the site is built whole
 * into a scratch folder beside it (`<out>.next`, as `buildSite`), then only the files whose bytes differ are
 * replaced in `outDir` (each by its own rename, so a reader never sees half a page), new ones added and files the
 * build no longer has removed; every other file keeps its bytes and its modification time, so a server, a cache
 * or a CDN sync sees only the changed pages. Without a previous site it is `buildSite`.
 * @throws as `buildSite`.
 */
export function updateSite(o: BuildSiteOptions): UpdateSiteResult {
  if (!existsSync(o.outDir)) {
    const r = buildSite(o);
    return { ...r, written: filesUnder(o.outDir).sort(), removed: [], unchanged: 0 };
  }
  const next = `${o.outDir}.next`;
  rmSync(next, { recursive: true, force: true });
  try {
    const r = buildSite({ ...o, outDir: next });
    const fresh = filesUnder(next).sort();
    const keep = new Set(fresh);
    const written: string[] = [];
    let unchanged = 0;
    for (const rel of fresh) {
      const dst = join(o.outDir, rel);
      const src = join(next, rel);
      if (existsSync(dst) && readFileSync(dst).equals(readFileSync(src))) {
        unchanged++;
        continue;
      }
      mkdirSync(dirname(dst), { recursive: true });
      copyFileSync(src, `${dst}.tmp`);
      renameSync(`${dst}.tmp`, dst);
      written.push(rel);
    }
    const removed = filesUnder(o.outDir).filter((rel) => !keep.has(rel)).sort();
    for (const rel of removed) rmSync(join(o.outDir, rel), { force: true });
    removeEmptyDirs(o.outDir);
    return { ...r, written, removed, unchanged };
  } finally {
    rmSync(next, { recursive: true, force: true });
  }
}

function removeEmptyDirs(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const sub = join(dir, e.name);
    removeEmptyDirs(sub);
    if (readdirSync(sub).length === 0) rmdirSync(sub);
  }
}
