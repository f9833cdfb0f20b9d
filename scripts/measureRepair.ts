/**
 * Measures the encoding repair on the ftfy project's public regression cases (tests/test-cases/*.json, fetched for
 * the measurement only): of the texts that must stay unchanged, how many were changed; of the broken ones, how many
 * were repaired exactly (against `fixed-encoding`, else `fixed`).
 *   npx tsx scripts/measureRepair.ts /path/to/ftfy/tests/test-cases [--verbose]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repairEncoding } from '../src/news/repair/repairEncoding.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: measureRepair.ts DIR');
const verbose = process.argv.includes('--verbose');
let clean = 0, cleanChanged = 0, broken = 0, repaired = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
  const cases = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { label: string; original: string; fixed: string; 'fixed-encoding'?: string }[];
  for (const c of cases) {
    const want = c['fixed-encoding'] ?? c.fixed;
    const got = repairEncoding(c.original).text;
    if (want === c.original) {
      clean++;
      if (got !== c.original) {
        cleanChanged++;
        if (verbose) process.stdout.write(`CHANGED ${f} ${c.label}\n  ${JSON.stringify(c.original)}\n  ${JSON.stringify(got)}\n`);
      }
    } else {
      broken++;
      if (got === want) repaired++;
      else if (verbose) process.stdout.write(`MISSED ${f} ${c.label}\n  ${JSON.stringify(c.original)}\n  got  ${JSON.stringify(got)}\n  want ${JSON.stringify(want)}\n`);
    }
  }
}
process.stdout.write(`${JSON.stringify({ mustStayUnchanged: clean, changed: cleanChanged, broken, repaired })}\n`);
