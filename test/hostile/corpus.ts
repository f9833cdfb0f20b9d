import { barsCsv, BAR_HEADER, fitMethodology, market, methodology, rising, sessions } from './fixtures.js';

/**
 * The hostile-input corpus (issue 15): one row per case. Each case is run as a user runs it: the built CLI
 * (`bin/indexwire.js`) in a fresh folder holding `files`, with `args`, under a timeout. It must exit with `exit`
 * and print `line` as one whole line (stdout or stderr; `$DIR` is the case folder), and leave none of `absent`.
 *
 * `outcome` is how the input is answered, counted in docs/hostile-input.md:
 * - `refused`: exit 1, nothing stored or written, one line naming the file (line, field) and why;
 * - `warned`: the run goes on, the bad part is skipped or kept, and a line says which and why;
 * - `clear`: nothing to refuse, and the answer says plainly what it is (a fact with its caveat, a documented default).
 */
export interface HostileCase {
  readonly id: string;
  /** What the audit found, in a few words. */
  readonly about: string;
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  readonly args: readonly string[];
  readonly exit: 0 | 1;
  /** A whole line of the output (stdout or stderr), or a pattern one line must match. */
  readonly line: string | RegExp;
  readonly outcome: 'refused' | 'warned' | 'clear';
  /** Files that must not exist after the run (relative to the case folder). */
  readonly absent?: readonly string[];
}

const S = sessions(60);
const ok3 = barsCsv([10, 11, 12]);
const err = (msg: string) => `indexwire: error: ${msg}`;

export const CASES: readonly HostileCase[] = [
  // ---- silent data loss: --db that is not a DuckDB database
  {
    id: 'db-is-csv', about: 'import --db existing.csv (DuckDB opens a CSV as a view: writes nothing)',
    files: { 'd/AB.csv': ok3, 'existing.csv': ok3 }, args: ['import', 'd', '--db', 'existing.csv'], exit: 1,
    line: err('existing.csv: not a DuckDB database (no DuckDB header): refusing to open it as the store; give a new path or an existing .duckdb file'),
    outcome: 'refused',
  },
  {
    id: 'db-is-json', about: 'milestones --db notes.json',
    files: { 'notes.json': '{"a": 1}\n' }, args: ['milestones', 'AB', '--on', '2025-01-03', '--db', 'notes.json'], exit: 1,
    line: err('notes.json: not a DuckDB database (no DuckDB header): refusing to open it as the store; give a new path or an existing .duckdb file'),
    outcome: 'refused',
  },
  {
    id: 'db-is-folder', about: 'import --db a folder',
    files: { 'd/AB.csv': ok3 }, args: ['import', 'd', '--db', 'd'], exit: 1,
    line: err('d: is a folder, not a DuckDB database file (give a new path or an existing .duckdb file)'),
    outcome: 'refused',
  },
  // ---- exit status: nothing stored
  {
    id: 'import-every-file-rejected', about: 'import exits 0 when every file was rejected; leaves an empty database',
    files: { 'bad/X.csv': 'garbage\n' }, args: ['import', 'bad', '--db', 'new.duckdb'], exit: 1,
    line: err('bad: nothing stored: every bar file was rejected (1 file; issues above)'),
    outcome: 'refused', absent: ['new.duckdb', 'new.duckdb.wal'],
  },
  {
    id: 'import-every-row-skipped', about: 'a file whose every row is bad stores nothing',
    files: { 'bad/X.csv': `${BAR_HEADER}\n2025-01-02,abc,1,1,1,,\n2025-01-03,-1,1,1,1,,\n` }, args: ['import', 'bad', '--db', 'new.duckdb'], exit: 1,
    line: err('bad: nothing stored: no good row in 1 bar file(s) (issues above)'),
    outcome: 'refused', absent: ['new.duckdb'],
  },
  {
    id: 'import-empty-folder', about: 'import of a folder with nothing to import',
    files: { 'empty/readme.txt': 'nothing\n' }, args: ['import', 'empty', '--db', 'new.duckdb'], exit: 1,
    line: err('empty: nothing stored: no bar file (*.csv), <code>_members.csv, *securities.json or *actions.json in the folder'),
    outcome: 'refused', absent: ['new.duckdb'],
  },
  {
    id: 'import-missing-folder', about: 'import of a folder that does not exist creates no database',
    files: {}, args: ['import', 'nowhere', '--db', 'new.duckdb'], exit: 1,
    line: /^indexwire: error: nowhere: cannot read data folder: /,
    outcome: 'refused', absent: ['new.duckdb'],
  },
  {
    id: 'news-every-file-rejected', about: 'news ingest exits 0 when every file was rejected',
    files: { 'news/a.md': new Uint8Array([0xff, 0xfe, 0x00, 0x67, 0x61, 0x72]) }, args: ['news', 'ingest', 'news', '--db', 'n.duckdb'], exit: 1,
    line: err('nothing stored: no article could be read from 1 source(s) (1 rejected, reasons above)'),
    outcome: 'refused', absent: ['n.duckdb'],
  },
  // ---- hangs
  {
    id: 'fit-prior-weight-1e308', about: 'weighting.fit.priorWeight 1e308 made nnls loop forever on NaN',
    files: { ...market(), 'm/tri.yaml': fitMethodology('1e308'), 'm/members.csv': market()['data/tgt_members.csv'] as string },
    args: ['index', 'build', 'm/tri.yaml', '--data', 'data'], exit: 1,
    line: err('m/tri.yaml:14: field "weighting.fit.priorWeight": value "1e308" must be between 0 and 1000000'),
    outcome: 'refused',
  },
  {
    id: 'fit-prior-weight-negative', about: 'weighting.fit.priorWeight below 0',
    files: { ...market(), 'm/tri.yaml': fitMethodology('-1'), 'm/members.csv': market()['data/tgt_members.csv'] as string },
    args: ['index', 'build', 'm/tri.yaml', '--data', 'data'], exit: 1,
    line: err('m/tri.yaml:14: field "weighting.fit.priorWeight": value "-1" must be between 0 and 1000000'),
    outcome: 'refused',
  },
  {
    id: 'serve-fit-prior-weight-1e308', about: 'serve --methodology with priorWeight 1e308 hung at start-up',
    files: { ...market(), 'm/tri.yaml': fitMethodology('1e308'), 'm/members.csv': market()['data/tgt_members.csv'] as string },
    args: ['serve', '--port', '0', '--data', 'data', '--members', 'data/tgt_members.csv', '--methodology', 'm/tri.yaml'], exit: 1,
    line: err('$DIR/m/tri.yaml:14: field "weighting.fit.priorWeight": value "1e308" must be between 0 and 1000000'),
    outcome: 'refused',
  },
  {
    id: 'story-out-proc', about: 'story --out /proc/x hung in mkdir',
    files: { 'data/AB.csv': barsCsv(rising(30)) }, args: ['story', 'AB', '--on', S[29] as string, '--data', 'data', '--out', '/proc/x'], exit: 1,
    line: err('--out /proc/x: cannot create the folder /proc/x: ENOENT'),
    outcome: 'refused',
  },
  {
    id: 'site-out-proc', about: 'site build --out under /proc',
    files: { 'stories/readme.txt': 'x\n' }, args: ['site', 'build', '--stories', 'stories', '--out', '/proc/x'], exit: 1,
    line: err('--out /proc/x: cannot create the folder /proc/x.tmp: ENOENT'),
    outcome: 'refused',
  },
];

/** Helpers for tests that build cases of their own. */
export { barsCsv, BAR_HEADER, methodology };
