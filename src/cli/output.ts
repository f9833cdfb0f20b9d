/** Output helpers shared by commands: JSON for machines, aligned tables for people. */

/** Prints a value as JSON (2-space indent), numbers unrounded. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, jsonReplacer, 2)}\n`);
}

function jsonReplacer(_key: string, v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}

export type Cell = string | number | null | undefined;

/** Prints rows as an aligned table; numbers are right-aligned. */
export function printTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): void {
  process.stdout.write(`${renderTable(headers, rows)}\n`);
}

export function renderTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] == null));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

/**
 * Prints `{...head, [key]: [...items], ...tail()}` exactly as {@link printJson} would (2-space indent), writing each
 * item as it comes instead of building one string: `items` is iterated once and never held. `tail` is called after
 * the last item (for what is known only then, e.g. issues). Waits for stdout to drain when its buffer is full.
 */
export async function printJsonStream(head: Record<string, unknown>, key: string, items: Iterable<unknown>, tail: () => Record<string, unknown>): Promise<void> {
  let buf = '';
  const flush = async (): Promise<void> => {
    const chunk = buf;
    buf = '';
    if (process.stdout.write(chunk) === false) await new Promise<void>((ok) => process.stdout.once('drain', () => ok()));
  };
  const field = (k: string, v: unknown): string => `  ${JSON.stringify(k)}: ${JSON.stringify(v, jsonReplacer, 2).replace(/\n/g, '\n  ')}`;
  const fields: string[] = [];
  for (const [k, v] of Object.entries(head)) if (v !== undefined) fields.push(field(k, v));
  buf = `{\n${fields.map((f) => `${f},\n`).join('')}  ${JSON.stringify(key)}: [`;
  let n = 0;
  for (const item of items) {
    buf += `${n++ === 0 ? '' : ','}\n    ${JSON.stringify(item, jsonReplacer, 2).replace(/\n/g, '\n    ')}`;
    if (buf.length >= 1 << 20) await flush();
  }
  buf += n === 0 ? ']' : '\n  ]';
  for (const [k, v] of Object.entries(tail())) if (v !== undefined) buf += `,\n${field(k, v)}`;
  buf += '\n}\n';
  await flush();
}
