import type { Command } from 'commander';
import { DEFAULT_DB_PATH } from '../../app/defaults.js';
import { redactUrl } from '../../core/dbUrl.js';
import { printJson, printTable } from '../output.js';

/** `indexwire import DIR [--db FILE] [--json] [--quiet]`: stores every good bar file of DIR. */
export function register(program: Command): void {
  program
    .command('import')
    .description('store a data folder in the DuckDB store: every bar CSV (date,open,high,low,close,adj_close,volume), <code>_members.csv, *securities.json, *actions.json')
    .argument('<dir>', 'folder with one CSV per symbol (and optional <code>_members.csv files)')
    .option('--db <file|url>', 'DuckDB file (one process at a time; ":memory:" for a dry run) or postgresql:// URL (shared by many processes)', DEFAULT_DB_PATH)
    .option('--json', 'machine-readable report')
    .option('--quiet', 'no progress bar')
    .action(async (dir: string, o: { db: string; json?: boolean; quiet?: boolean }) => {
      const [{ importFolderToDb, nothingStoredReason }, { createProgress }] = await Promise.all([
        import('../../app/importBars.js'), import('../progress.js'),
      ]);
      const progress = createProgress(o.quiet === true || o.json === true);
      let started = false;
      let report;
      try {
        report = await importFolderToDb(dir, o.db, {
          db: redactUrl(o.db),
          applicationName: 'indexwire import',
          onProgress: (done, total) => {
            if (!started) progress.start(total, 'import');
            started = true;
            progress.update(done);
          },
        });
      } finally {
        progress.stop();
      }
      // exit 1 when input was given and nothing was stored (after the report, which names every issue)
      const nothing = nothingStoredReason(report);
      if (o.json) {
        printJson(report);
        if (nothing !== null) throw new Error(nothing);
        return;
      }
      printTable(
        ['file', 'symbol', 'status', 'written', 'skipped', 'rejected', 'repaired'],
        report.files.map((f) => [f.file, f.symbol, f.status, f.written, f.skipped, f.rejected, f.repaired]),
      );
      const issues = report.files.flatMap((f) => f.issues);
      if (issues.length > 0) process.stdout.write(`\nissues (${issues.length}):\n${issues.map((i) => `  ${i}`).join('\n')}\n`);
      for (const m of report.memberships) {
        process.stdout.write(`\nmemberships ${m.code} from ${m.file}: ${m.written} written, ${m.skipped} unchanged\n`);
      }
      for (const r of report.reference) {
        process.stdout.write(`${r.kind} from ${r.file}: ${r.written} written, ${r.skipped} unchanged\n`);
      }
      const t = report.totals;
      process.stdout.write(
        `\n${t.files} files into ${redactUrl(o.db)}: ${t.written} bars written, ${t.skipped} unchanged, ${t.rejected} rejected` +
          `${t.rejectedFiles > 0 ? `; ${t.rejectedFiles} file(s) not stored` : ''}\n`,
      );
      if (nothing !== null) throw new Error(nothing);
    });
}
