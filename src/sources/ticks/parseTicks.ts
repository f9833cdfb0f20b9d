import { splitLines } from '../../core/splitLines.js';
import { splitCsvLine } from '../members/parseMembersCsv.js';
import type { LiveEvent } from '../../realtime/LiveIndexSession.js';
import { isTickIssue, toLiveEvent, type TickIssue } from './parseLiveEvent.js';

export interface ParsedTicks {
  readonly source: string;
  /** Good events in file order. */
  readonly events: LiveEvent[];
  /** Skipped records (file, line, field, reason); a file-level problem rejects the file. */
  readonly issues: TickIssue[];
  readonly rejected: boolean;
}

/** The CSV tick header; `type` and the last three columns may be empty. */
export const TICK_CSV_HEADER = ['symbol', 'time', 'price', 'size', 'seq', 'corrects'] as const;

/**
 * Parses an NDJSON tick file: one JSON object per line (see toLiveEvent for the shape); blank lines ignored.
 * A line that is not JSON, or a record with a bad field, is skipped and reported with its line number.
 * @example parseTicksNdjson('{"symbol":"A","timeMs":1,"price":2}\n', 'a.ndjson').events.length // 1
 */
export function parseTicksNdjson(text: string, source: string): ParsedTicks {
  const events: LiveEvent[] = [];
  const issues: TickIssue[] = [];
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).trim();
    if (raw === '') continue;
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch (e) {
      issues.push({ source, line: i + 1, value: raw.slice(0, 80), reason: `not JSON (${(e as Error).message})`, message: `${source}:${i + 1}: value "${raw.slice(0, 80)}" not JSON (record skipped)` });
      continue;
    }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
      issues.push({ source, line: i + 1, value: raw.slice(0, 80), reason: 'not a JSON object', message: `${source}:${i + 1}: value "${raw.slice(0, 80)}" not a JSON object (record skipped)` });
      continue;
    }
    const ev = toLiveEvent(rec as Record<string, unknown>, source, i + 1);
    if (isTickIssue(ev)) issues.push(ev);
    else events.push(ev);
  }
  return { source, events, issues, rejected: false };
}

/**
 * Parses a CSV tick file with header `symbol,time,price,size,seq,corrects` (an optional leading `type` column
 * carries `tick`, `halt` or `resume`). `time` is epoch ms or ISO 8601 with an offset. A wrong header rejects the
 * file; a bad row is skipped and reported with file, line and field.
 * @example parseTicksCsv('symbol,time,price,size,seq,corrects\nA,2025-02-07T09:30:00+08:00,2,,,\n', 'a.csv').events[0].timeMs // 1738891800000
 */
export function parseTicksCsv(text: string, source: string): ParsedTicks {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const hasType = header[0] === 'type';
  const cols = hasType ? header.slice(1) : header;
  if (cols.length !== TICK_CSV_HEADER.length || TICK_CSV_HEADER.some((h, i) => cols[i] !== h)) {
    const want = `${TICK_CSV_HEADER.join(',')} (optionally type first)`;
    return { source, events: [], issues: [{ source, line: 1, value: lines[0] ?? '', reason: `wrong header: expected ${want}`, message: `${source}:1: value "${(lines[0] ?? '').slice(0, 80)}" wrong header: expected ${want} (file rejected)` }], rejected: true };
  }
  const events: LiveEvent[] = [];
  const issues: TickIssue[] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '') continue;
    const f = splitCsvLine(raw).map((x) => x.trim());
    if (f.length !== header.length) {
      issues.push({ source, line: i + 1, value: raw.slice(0, 80), reason: `expected ${header.length} fields, got ${f.length}`, message: `${source}:${i + 1}: value "${raw.slice(0, 80)}" expected ${header.length} fields, got ${f.length} (record skipped)` });
      continue;
    }
    const rec: Record<string, unknown> = {};
    header.forEach((h, k) => {
      if (f[k] !== '') rec[h] = f[k];
    });
    const ev = toLiveEvent(rec, source, i + 1);
    if (isTickIssue(ev)) issues.push(ev);
    else events.push(ev);
  }
  return { source, events, issues, rejected: false };
}
