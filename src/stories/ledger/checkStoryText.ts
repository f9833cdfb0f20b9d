import { roundHalfUp } from '../../core/format.js';
import type { CheckIssue, FactLedger, StoryLang } from '../../domain/story.js';

const NUMBER_RE = /\d[\d,]*(?:\.\d+)?/g;

/**
 * The fact checker: every number in `text` must be backed by a ledger entry whose unrounded value,
 * rounded half-up to the decimals printed, gives exactly the printed number. Dates may show their year,
 * month and day; quotes registered in the ledger are taken out first (their numbers are the source's).
 *
 * Reasons: `no ledger entry` (nothing within one printed unit), `rounded inconsistently` (an entry is within
 * one printed unit but rounds to something else: e.g. 2.857 printed as 2.8).
 * @example checkStoryText('rose 2.9%', ledger, 'en') // [] when an entry holds 2.857
 */
export function checkStoryText(text: string, ledger: FactLedger, lang: StoryLang): CheckIssue[] {
  let t = text;
  for (const e of ledger.entries) {
    if (e.kind === 'quote' && e.text) t = t.split(e.text).join(' '.repeat(e.text.length));
  }
  const issues: CheckIssue[] = [];
  const numbers = ledger.entries.filter((e) => e.kind !== 'quote' && e.kind !== 'date');
  const dateParts = new Set<number>();
  for (const e of ledger.entries) for (const p of e.dateParts ?? []) dateParts.add(p);
  for (const m of t.matchAll(NUMBER_RE)) {
    const token = m[0].replace(/[,.]+$/, '');
    const offset = m.index ?? 0;
    if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(token)) {
      issues.push({ lang, token, offset, reason: 'malformed number (grouping)' });
      continue;
    }
    const printed = Number(token.replace(/,/g, ''));
    const dp = token.includes('.') ? (token.split('.')[1] ?? '').length : 0;
    if (dp === 0 && dateParts.has(printed)) continue;
    let near: string | null = null;
    let ok = false;
    for (const e of numbers) {
      const v = Math.abs(e.value);
      if (roundHalfUp(v, dp) === printed) {
        ok = true;
        break;
      }
      if (Math.abs(v - printed) <= 10 ** -dp) near = `${e.id} = ${v} rounds to ${roundHalfUp(v, dp)}`;
    }
    if (ok) continue;
    issues.push({
      lang,
      token,
      offset,
      reason: near ? `rounded inconsistently with ledger entry ${near}` : 'no ledger entry',
    });
  }
  return issues;
}
