import type { SecurityMaster } from '../../src/news/link/securityMasterSchema.js';
import { aliasPatterns } from '../../src/news/link/aliasPatterns.js';

/**
 * The naive baseline: one regular expression per alias (1,100+ of them), each run over the whole text, then the
 * same leftmost-longest selection and blockers as the real linker (the year-like ticker rule is left out).
 * Returns the distinct security ids, like EntityLinker.securitiesIn.
 */
export class NaiveRegexLinker {
  private readonly res: { re: RegExp; securityId: string | null; len: number }[];

  constructor(master: SecurityMaster) {
    this.res = aliasPatterns(master).map((p) => {
      const esc = p.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s');
      const left = /^[A-Za-z0-9_]/.test(p.text) ? '(?<![A-Za-z0-9_])' : '';
      const right = /[A-Za-z0-9_]$/.test(p.text) ? '(?![A-Za-z0-9_])' : '';
      return { re: new RegExp(`${left}${esc}${right}`, p.caseSensitive ? 'g' : 'gi'), securityId: p.securityId, len: p.text.length };
    });
  }

  securitiesIn(text: string): string[] {
    const cands: { start: number; end: number; id: string | null }[] = [];
    for (const r of this.res) {
      r.re.lastIndex = 0;
      for (let m = r.re.exec(text); m !== null; m = r.re.exec(text)) cands.push({ start: m.index, end: m.index + r.len, id: r.securityId });
    }
    cands.sort((a, b) => a.start - b.start || b.end - a.end);
    const out = new Set<string>();
    let lastEnd = -1;
    for (const c of cands) {
      if (c.start < lastEnd) continue;
      lastEnd = c.end;
      if (c.id !== null) out.add(c.id);
    }
    return [...out];
  }
}
