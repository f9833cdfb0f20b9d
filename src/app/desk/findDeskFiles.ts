import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The methodologies shipped with Indexwire (repository root, not the working directory). */
export const METHODOLOGIES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../methodologies');

/**
 * The membership file of a data folder: `hstech_members.csv` when present, else the only `*_members.csv`
 * (the demo market writes `simtech_members.csv`); null when there is none or several.
 * @example findMembersFile('../shared/data/hk') // '../shared/data/hk/hstech_members.csv'
 */
export function findMembersFile(dataDir: string): string | null {
  const hk = join(dataDir, 'hstech_members.csv');
  if (existsSync(hk)) return hk;
  let names: string[];
  try {
    names = readdirSync(dataDir).filter((n) => /_members\.csv$/i.test(n));
  } catch {
    return null;
  }
  return names.length === 1 ? join(dataDir, names[0] as string) : null;
}

/** The index code a membership file belongs to, from its name: `hstech_members.csv` -> `HSTECH`. */
export function membersCodeOf(membersPath: string): string {
  return (basename(membersPath).split(/[_.-]/)[0] ?? '').toUpperCase();
}

/**
 * The shipped methodology for the index of a membership file: `<code>-replica.yaml`, else `<code>.yaml`
 * in {@link METHODOLOGIES_DIR} (lower case); null when there is none.
 * @example findMethodology('HSTECH') // '<repo>/methodologies/hstech-replica.yaml'
 */
export function findMethodology(code: string, dir: string = METHODOLOGIES_DIR): string | null {
  for (const name of [`${code.toLowerCase()}-replica.yaml`, `${code.toLowerCase()}.yaml`]) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return null;
}
