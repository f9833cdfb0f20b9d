import { readFile } from 'node:fs/promises';
import { InputError, SourceError } from '../../core/errors.js';
import { repairText, type RepairTextOptions } from '../../news/repair/repairText.js';
import type { RepairStep } from '../../news/repair/repairEncoding.js';
import { decodeNewsBytes } from '../../sources/newsFiles/decodeNewsBytes.js';

export interface RepairInputOptions extends RepairTextOptions {
  /** Input is one JSON string per line; output likewise, in order. */
  readonly jsonl?: boolean;
}

export interface RepairOutput {
  /** What to write to standard output. */
  readonly text: string;
  /** The plan, one entry per change, with the 1-based input line (jsonl) it belongs to. */
  readonly steps: readonly (RepairStep & { readonly line?: number })[];
  /** How the bytes were decoded, e.g. `utf-8 (valid UTF-8)`, and what was repaired on the way. */
  readonly encoding: string;
  readonly warnings: readonly string[];
}

/**
 * Reads `path` (or the given standard-input bytes when path is undefined or "-"), decodes it as news files are
 * (decodeNewsBytes), and repairs it (repairText). With `jsonl`, every non-empty line must be a JSON string;
 * each is repaired alone and written back as a JSON string on its own line.
 * @throws SourceError when the file cannot be read or is binary; InputError naming the line of a jsonl line that is not a JSON string.
 */
export async function repairInput(path: string | undefined, stdin: () => Promise<Uint8Array>, opts: RepairInputOptions = {}): Promise<RepairOutput> {
  const name = path === undefined || path === '-' ? 'stdin' : path;
  let bytes: Uint8Array;
  try {
    bytes = name === 'stdin' ? await stdin() : await readFile(name);
  } catch (e) {
    throw new SourceError(name, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, false);
  }
  const decoded = decodeNewsBytes(bytes);
  if (!decoded.ok) throw new SourceError(name, decoded.reason, false);
  const encoding = `${decoded.encoding} (${decoded.reason})`;
  if (!opts.jsonl) {
    const r = repairText(decoded.text, opts);
    return { text: opts.only === 'encoding' ? r.text : `${r.text}\n`, steps: r.steps, encoding, warnings: decoded.warnings };
  }
  const lines = decoded.text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const out: string[] = [];
  const steps: (RepairStep & { line: number })[] = [];
  lines.forEach((l, i) => {
    let value: unknown;
    try {
      value = JSON.parse(l);
    } catch {
      value = undefined;
    }
    if (typeof value !== 'string') {
      throw new InputError({ source: name, line: i + 1, field: 'line', value: l.slice(0, 40), reason: 'is not a JSON string (--jsonl reads one JSON string per line)' });
    }
    const r = repairText(value, opts);
    out.push(JSON.stringify(r.text));
    steps.push(...r.steps.map((s) => ({ ...s, line: i + 1 })));
  });
  return { text: out.map((l) => `${l}\n`).join(''), steps, encoding, warnings: decoded.warnings };
}
