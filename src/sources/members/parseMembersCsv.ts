import { ConfigError } from '../../core/errors.js';
import { splitLines } from '../../core/splitLines.js';
import { asSecurityId, isSessionDate, type SessionDate } from '../../core/units.js';
import type { MembershipInterval } from '../../domain/membership.js';

const HEADER = ['symbol', 'name', 'from', 'to'];

/**
 * Parses a membership file `symbol,name,from,to` (from inclusive, to exclusive, blank = open).
 * Names may be quoted and contain commas; LF, CRLF or CR-only line ends.
 * @throws InputError naming file, line and field on any bad row (a membership file is all or nothing).
 */
export function parseMembersCsv(text: string, source: string): MembershipInterval[] {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  if (HEADER.some((h, i) => header[i] !== h)) {
    throw new ConfigError({ source, line: 1, reason: `first line is not the header ${HEADER.join(',')} (its content is not shown)` });
  }
  const out: MembershipInterval[] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '') continue;
    const line = i + 1;
    const f = splitCsvLine(raw).map((x) => x.trim());
    if (f.length !== 4) throw new ConfigError({ source, line, value: raw, reason: `expected 4 fields, got ${f.length}` });
    const [symbol, name, from, to] = f as [string, string, string, string];
    if (symbol === '') throw new ConfigError({ source, line, field: 'symbol', value: symbol, reason: 'empty symbol' });
    const date = (field: string, v: string): SessionDate | null => {
      if (v === '') return null;
      if (!isSessionDate(v)) throw new ConfigError({ source, line, field, value: v, reason: 'not a date (YYYY-MM-DD)' });
      return v;
    };
    const fromD = date('from', from);
    const toD = date('to', to);
    if (fromD !== null && toD !== null && toD <= fromD) {
      throw new ConfigError({ source, line, field: 'to', value: to, reason: `must be after from ${fromD}` });
    }
    out.push({ symbol: asSecurityId(symbol), name, from: fromD, to: toD });
  }
  return out;
}

/** Splits one CSV line, honouring double quotes ("a, b" and "" escapes). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
