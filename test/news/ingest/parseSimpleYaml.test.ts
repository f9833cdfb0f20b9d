import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSimpleYaml } from '../../../src/news/parse/parseSimpleYaml.js';
import { describeWithSharedData, NEWS_DATA, SEED_DIR } from '../../support/sharedData.js';

const core = (t: string): unknown => parse(t, { schema: 'core', uniqueKeys: false });

describe('parseSimpleYaml', () => {
  it('reads flat keys and lists like the yaml library', () => {
    const t = 'title: "A \\"q\\" b"\ndate: 2024-10-04T10:05:00+08:00\nname: \'it\'\'s\'\nempty:\nnone: ~\ntoc: false\ntags:\n  - "x"\n  - y z\n';
    expect(parseSimpleYaml(t)).toEqual({ title: 'A "q" b', date: '2024-10-04T10:05:00+08:00', name: "it's", empty: null, none: null, toc: false, tags: ['x', 'y z'] });
    expect(parseSimpleYaml(t)).toEqual(core(t));
  });
  it('hands everything else to the full parser', () => {
    for (const t of ['a: [1, 2]', 'a: {b: 1}', 'a: |\n  x', 'a: &x 1', 'a:\n  b: 1', 'a: 1.50', 'a: 12', 'a: "\\x41"', 'a: x # c', '\ta: 1', 'a: b: c', '- x']) {
      expect(parseSimpleYaml(t)).toBeNull();
    }
  });
  it('property: whenever it answers, it agrees with yaml (core schema)', () => {
    const piece = fc.constantFrom('a', 'B', '1', '-', ':', ' ', '"', "'", '\\', '#', 'é', '—', '2025-02-07', '+08:00', 'x y', '[', '{', '&', '*', 'true', '0x1F', '.5');
    const scalarText = fc.array(piece, { maxLength: 6 }).map((a) => a.join(''));
    const value = fc.oneof(scalarText, scalarText.map((s) => JSON.stringify(s)), scalarText.map((s) => `'${s.replace(/'/g, "''")}'`));
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('title', 'date', 'url', 'k_1'), value).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(fc.constantFrom('tags', 'categories'), fc.array(value, { maxLength: 3 })).map(([k, vs]) => [`${k}:`, ...vs.map((v) => `  - ${v}`)].join('\n')),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 6 }).map((ls) => ls.join('\n')), (text) => {
      const fast = parseSimpleYaml(text);
      if (fast === null) return;
      let full: unknown;
      try {
        full = core(text);
      } catch {
        expect.unreachable(`fast path accepted text that yaml refuses: ${JSON.stringify(text)}`);
      }
      expect(fast).toEqual(full ?? {});
    }), { numRuns: 2000 });
  });
});

describeWithSharedData('parseSimpleYaml on the real front matter', () => {
  it('answers for every RTHK file and the seed, exactly as yaml does', () => {
    const files = [...readdirSync(NEWS_DATA).map((f) => join(NEWS_DATA, f)), join(SEED_DIR, 'deepseek-rally-hstech.md')];
    for (const f of files) {
      const fm = /^---\n([\s\S]*?)\n---/.exec(readFileSync(f, 'utf8'))?.[1] ?? '';
      const fast = parseSimpleYaml(fm);
      expect(fast, f).not.toBeNull();
      expect(fast, f).toEqual(core(fm));
    }
  });
});

describe('parseSimpleYaml: Object.prototype names', () => {
  it('reads a plain scalar such as "constructor" or "toString" as text, like yaml does', () => {
    // the boolean table is a plain object: BOOLEANS["constructor"] found Object itself, so such a title was a function
    expect(parseSimpleYaml('title: constructor\nsource: toString')).toEqual({ title: 'constructor', source: 'toString' });
  });
});
