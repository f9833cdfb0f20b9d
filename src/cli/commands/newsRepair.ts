import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { newsGroup } from './news.js';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** `indexwire news repair [FILE] [--only encoding] [--jsonl] [--explain]`: repaired text on standard output. */
export function register(program: Command): void {
  newsGroup(program)
    .command('repair')
    .description('repair text (mojibake, entities, quotes, whitespace) from FILE or standard input; correct text is never changed')
    .argument('[file]', 'text file; standard input when absent or "-"')
    .option('--only <step>', 'apply only this repair: "encoding" (no entity, quote or whitespace change)')
    .option('--jsonl', 'read one JSON string per line and write one per line, in order')
    .option('--explain', 'print the plan (each change, with its badness before and after) on standard error')
    .action(async (file: string | undefined, o: { only?: string; jsonl?: boolean; explain?: boolean }) => {
      if (o.only !== undefined && o.only !== 'encoding') {
        throw new InputError({ source: '--only', value: o.only, reason: 'unknown step (known: encoding)' });
      }
      const { repairInput } = await import('../../app/news/repairInput.js');
      const r = await repairInput(file, readStdin, { ...(o.only === 'encoding' ? { only: 'encoding' as const } : {}), jsonl: o.jsonl === true });
      process.stdout.write(r.text);
      for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
      if (o.explain) {
        process.stderr.write(`read as ${r.encoding}; ${r.steps.length} change(s)\n`);
        for (const s of r.steps) {
          process.stderr.write(`${s.line !== undefined ? `line ${s.line}: ` : ''}${s.what}: ${JSON.stringify(s.from)} -> ${JSON.stringify(s.to)}` +
            `${s.badnessBefore > 0 ? ` (badness ${s.badnessBefore} -> ${s.badnessAfter})` : ''}\n`);
        }
      }
    });
}
