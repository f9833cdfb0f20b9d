import { splitLines } from '../core/splitLines.js';
import { readFileSync } from 'node:fs';
import { ConfigError, SourceError } from '../core/errors.js';
import { asSecurityId, isSessionDate, type SecurityId } from '../core/units.js';
import type { CorporateAction } from '../domain/corporateAction.js';
import type { ShareChange } from '../domain/indexRun.js';
import type { Security } from '../domain/security.js';
import { splitCsvLine } from '../sources/members/parseMembersCsv.js';

/** Reads a file for the index build. @throws SourceError when it cannot be read. */
export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new SourceError(path, `cannot read ${what}: ${(e as Error).message}`, false);
  }
}

/** CSV rows after the header, with 1-based line numbers; the header is checked to start with `required`. */
function rows(text: string, source: string, required: readonly string[]): { header: string[]; rows: { line: number; f: string[] }[] } {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  if (required.some((h, i) => header[i] !== h)) {
    throw new ConfigError({ source, line: 1, reason: `first line is not the header ${required.join(',')} (its content is not shown)` });
  }
  const out: { line: number; f: string[] }[] = [];
  lines.forEach((raw, i) => {
    if (i === 0 || raw.trim() === '') return;
    const f = splitCsvLine(raw).map((x) => x.trim());
    if (f.length !== header.length) throw new ConfigError({ source, line: i + 1, value: raw, reason: `expected ${header.length} fields, got ${f.length}` });
    out.push({ line: i + 1, f });
  });
  return { header, rows: out };
}

function num(source: string, line: number, field: string, v: string, check: (x: number) => boolean, reason: string): number {
  const x = Number(v);
  if (v === '' || !Number.isFinite(x) || !check(x)) throw new ConfigError({ source, line, field, value: v, reason });
  return x;
}

/**
 * Parses a security master CSV `symbol,shares_outstanding,free_float_factor[,attribute...]`; extra columns become
 * attributes (numbers and true/false are typed). Shares are a count; the free-float factor is in (0, 1].
 * @throws ConfigError naming file, line and field (the file is all or nothing).
 */
export function parseSecuritiesCsv(text: string, source: string): Map<SecurityId, Security> {
  const { header, rows: rs } = rows(text, source, ['symbol', 'shares_outstanding', 'free_float_factor']);
  const out = new Map<SecurityId, Security>();
  for (const { line, f } of rs) {
    const id = asSecurityId(f[0] as string);
    if (id === '') throw new ConfigError({ source, line, field: 'symbol', value: '', reason: 'empty symbol' });
    const shares = num(source, line, 'shares_outstanding', f[1] as string, (x) => x > 0, 'must be a number > 0');
    const ff = f[2] === '' ? 1 : num(source, line, 'free_float_factor', f[2] as string, (x) => x > 0 && x <= 1, 'must be in (0, 1]');
    const attributes: Record<string, string | number | boolean> = {};
    for (let i = 3; i < header.length; i++) {
      const v = f[i] as string;
      attributes[header[i] as string] = v === 'true' ? true : v === 'false' ? false : v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
    }
    out.set(id, { id, kind: 'stock', name: id, currency: '', exchange: '', sharesOutstanding: shares, freeFloatFactor: ff, attributes });
  }
  return out;
}

const KINDS = ['split', 'cash_dividend', 'special_dividend', 'rights_issue', 'share_change'] as const;

/**
 * Parses a corporate actions CSV `symbol,ex_date,kind,amount,ratio,new_shares,old_shares,subscription_price`.
 * split and share_change use `ratio` (new per old; a factor for share_change); dividends use `amount` (per share,
 * in the security's currency); rights issues use new_shares, old_shares and subscription_price.
 * @throws ConfigError naming file, line and field.
 */
export function parseActionsCsv(text: string, source: string): { actions: CorporateAction[]; shareChanges: ShareChange[] } {
  const { rows: rs } = rows(text, source, ['symbol', 'ex_date', 'kind', 'amount', 'ratio', 'new_shares', 'old_shares', 'subscription_price']);
  const actions: CorporateAction[] = [];
  const shareChanges: ShareChange[] = [];
  for (const { line, f } of rs) {
    const [sym, exDate, kind, amount, ratio, newShares, oldShares, price] = f as [string, string, string, string, string, string, string, string];
    if (sym === '') throw new ConfigError({ source, line, field: 'symbol', value: '', reason: 'empty symbol' });
    if (!isSessionDate(exDate)) throw new ConfigError({ source, line, field: 'ex_date', value: exDate, reason: 'not a date (YYYY-MM-DD)' });
    const symbol = asSecurityId(sym);
    const pos = (field: string, v: string) => num(source, line, field, v, (x) => x > 0, 'must be a number > 0');
    if (kind === 'split') actions.push({ kind, symbol, exDate, ratio: pos('ratio', ratio) });
    else if (kind === 'cash_dividend' || kind === 'special_dividend') actions.push({ kind, symbol, exDate, amount: pos('amount', amount) });
    else if (kind === 'rights_issue') {
      actions.push({ kind, symbol, exDate, newShares: pos('new_shares', newShares), oldShares: pos('old_shares', oldShares), subscriptionPrice: pos('subscription_price', price) });
    } else if (kind === 'share_change') shareChanges.push({ kind, symbol, exDate, factor: pos('ratio', ratio) });
    else throw new ConfigError({ source, line, field: 'kind', value: kind, reason: `must be one of ${KINDS.join(', ')}` });
  }
  return { actions, shareChanges };
}
