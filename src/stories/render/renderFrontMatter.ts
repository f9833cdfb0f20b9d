import { SEED_FIELDS, type SeedFrontMatter } from '../../domain/seedLayout.js';

const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
const list = (xs: readonly string[]) => (xs.length === 0 ? ' []' : `\n${xs.map((x) => `  - ${q(x)}`).join('\n')}`);

/**
 * Writes front matter in exactly the seed's layout and field order (domain/seedLayout.ts, one definition for
 * stories and republished news posts): quoted strings, two-space `- ` lists, bare booleans, `---` fences.
 * @example renderFrontMatter(fm).split('\n')[1] // 'title: "Hang Seng Tech Index enters technical bull market"'
 */
export function renderFrontMatter(fm: SeedFrontMatter): string {
  const lines = ['---'];
  for (const [key, kind] of SEED_FIELDS) {
    const v = fm[key];
    if (kind === 'list') lines.push(`${key}:${list(v as readonly string[])}`);
    else if (kind === 'flag') lines.push(`${key}: ${v as boolean}`);
    else lines.push(`${key}: ${q(v as string)}`);
  }
  lines.push('---');
  return lines.join('\n');
}
