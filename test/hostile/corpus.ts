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
const SAME_DAY_SPLIT = { kind: 'split', symbol: 'AAA', exDate: '2025-01-16', ratio: 2 };
const SAME_DAY_DIVIDEND = { kind: 'cash_dividend', symbol: 'AAA', exDate: '2025-01-16', amount: 0.5 };

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

  // ---- impossible bars (the rule: screenBars.ts, docs/hostile-input.md)
  {
    id: 'bar-saturday', about: 'a bar dated on a Saturday is refused (row skipped) and milestones says so',
    files: { 'data/AB.csv': `${BAR_HEADER}\n2025-01-02,10,10,10,10,,\n2025-01-03,11,11,11,11,,\n2025-01-04,12,12,12,12,,\n2025-01-06,12,12,12,12,,\n` },
    args: ['milestones', 'AB', '--on', '2025-01-06', '--data', 'data'], exit: 0,
    line: 'note: 1 row(s) skipped by the source, e.g. data/AB.csv:4: field "date": value "2025-01-04" a Saturday: no exchange trades then (row skipped)',
    outcome: 'warned',
  },
  {
    id: 'bar-saturday-on', about: 'milestones on the Saturday of a refused row says why there is no session',
    files: { 'data/AB.csv': `${BAR_HEADER}\n2025-01-02,10,10,10,10,,\n2025-01-03,11,11,11,11,,\n2025-01-04,12,12,12,12,,\n2025-01-06,12,12,12,12,,\n` },
    args: ['milestones', 'AB', '--on', '2025-01-04', '--data', 'data'], exit: 1,
    line: err('data/AB.csv:4: field "date": value "2025-01-04" a Saturday: no exchange trades then: the row of 2025-01-04 was skipped, so AB has no session on this date'),
    outcome: 'refused',
  },
  {
    id: 'bar-sunday-import', about: 'import skips a Sunday bar and says so; the other rows are stored',
    files: { 'd/AB.csv': `${BAR_HEADER}\n2025-01-03,11,11,11,11,,\n2025-01-05,12,12,12,12,,\n2025-01-06,12,12,12,12,,\n` },
    args: ['import', 'd', '--db', 'x.duckdb'], exit: 0,
    line: 'd/AB.csv:3: field "date": value "2025-01-05" a Sunday: no exchange trades then (row skipped)',
    outcome: 'warned',
  },
  {
    id: 'bar-hk-holiday', about: 'a bar on an HKEX holiday (Lunar New Year) is kept with a warning; milestones names it',
    files: { 'data/0001.HK.csv': `${BAR_HEADER}\n2025-01-27,10,10,10,10,,\n2025-01-28,11,11,11,11,,\n2025-01-29,12,12,12,12,,\n2025-02-03,12,12,12,12,,\n` },
    args: ['milestones', '0001.HK', '--on', '2025-02-03', '--data', 'data'], exit: 0,
    line: /^note: caution: the facts above may rest on the bar of 2025-01-29, kept with a warning: data\/0001\.HK\.csv:4: field "date": value "2025-01-29" the exchange was closed \(Lunar New Year.s Day\): kept, check the data \(row kept\)$/,
    outcome: 'warned',
  },
  {
    id: 'bar-nyse-holiday-1994', about: 'a US index bar on an NYSE closure before 2001 (Nixon funeral) passed: holidays were checked for HK only',
    files: { 'data/^GSPC.csv': `${BAR_HEADER}\n1994-04-25,10,10,10,10,,\n1994-04-26,11,11,11,11,,\n1994-04-27,12,12,12,12,,\n1994-04-28,12,12,12,12,,\n` },
    args: ['milestones', '^GSPC', '--on', '1994-04-28', '--data', 'data'], exit: 0,
    line: 'note: caution: the facts above may rest on the bar of 1994-04-27, kept with a warning: data/^GSPC.csv:4: field "date": value "1994-04-27" the exchange was closed (Funeral of President Richard M. Nixon): kept, check the data (row kept)',
    outcome: 'warned',
  },
  {
    id: 'bar-future', about: 'a bar dated in the future is refused',
    files: { 'd/AB.csv': `${BAR_HEADER}\n2025-01-02,10,10,10,10,,\n2099-01-02,11,11,11,11,,\n` },
    args: ['import', 'd', '--db', 'x.duckdb'], exit: 0,
    line: 'd/AB.csv:3: field "date": value "2099-01-02" in the future: after today (row skipped)',
    outcome: 'warned',
  },
  {
    id: 'bar-year-0000', about: 'year 0000 was stored as "0001-01-03 (BC)" and reported as the all-time low',
    files: { 'data/AB.csv': `${BAR_HEADER}\n0000-01-03,1,1,1,1,,\n2025-01-02,10,10,10,10,,\n2025-01-03,11,11,11,11,,\n` },
    args: ['milestones', 'AB', '--on', '2025-01-03', '--data', 'data'], exit: 0,
    line: 'note: 1 row(s) skipped by the source, e.g. data/AB.csv:2: field "date": value "0000-01-03" before 1900: not a market session (row skipped)',
    outcome: 'warned',
  },
  {
    id: 'bar-close-1e308', about: 'a close of 1e308 made every ratio NaN',
    files: { 'd/AB.csv': `${BAR_HEADER}\n2025-01-02,10,10,10,10,,\n2025-01-03,1e308,1e308,1e308,1e308,,\n` },
    args: ['import', 'd', '--db', 'x.duckdb'], exit: 0,
    line: 'd/AB.csv:3: field "open": value "1e+308" outside the plausible price range [0.000001, 1000000000] (row skipped)',
    outcome: 'warned',
  },
  {
    id: 'bar-close-1e-300', about: 'a close of 1e-300',
    files: { 'data/AB.csv': `${BAR_HEADER}\n2025-01-02,10,10,10,10,,\n2025-01-03,1e-300,1e-300,1e-300,1e-300,,\n` },
    args: ['milestones', 'AB', '--on', '2025-01-03', '--data', 'data'], exit: 1,
    line: err('data/AB.csv:3: field "open": value "1e-300" outside the plausible price range [0.000001, 1000000000]: the row of 2025-01-03 was skipped, so AB has no session on this date'),
    outcome: 'refused',
  },
  {
    id: 'bar-10x-jump', about: 'a close 10x the previous one with no corporate action is kept with a warning; milestones names it',
    files: { 'data/AB.csv': barsCsv([10, 10, 100]) },
    args: ['milestones', 'AB', '--on', S[2] as string, '--data', 'data'], exit: 0,
    line: `note: caution: the facts above may rest on the bar of ${S[2]}, kept with a warning: data/AB.csv:4: field "close": value "100" close on ${S[2]} is 10x the previous close 10 (${S[1]}) with no corporate action: kept, check the data (row kept)`,
    outcome: 'warned',
  },
  {
    id: 'bar-10x-drop-import', about: 'a close 1/10 of the previous one, on import',
    files: { 'd/AB.csv': barsCsv([10, 10, 0.5]) },
    args: ['import', 'd', '--db', 'x.duckdb'], exit: 0,
    line: `d/AB.csv:4: field "close": value "0.5" close on ${S[2]} is 1/20 of the previous close 10 (${S[1]}) with no corporate action: kept, check the data (row kept)`,
    outcome: 'warned',
  },
  {
    id: 'bar-10x-split-explained', about: 'a 1:10 split on the ex-date explains the drop: no warning',
    files: {
      'd/AB.csv': barsCsv([10, 10, 1]),
      'd/actions.json': JSON.stringify([{ kind: 'split', symbol: 'AB', exDate: S[2], ratio: 10 }]),
    },
    args: ['import', 'd', '--db', 'x.duckdb'], exit: 0,
    line: '1 files into x.duckdb: 3 bars written, 0 unchanged, 0 rejected',
    outcome: 'clear',
  },
  // ---- a split and a dividend on one ex-date: the same answer in either file order (rule: compareEngineActions.ts)
  // Equal weights over AAA 10, BBB 20, CCC 30 at the base (q 33.333, 16.667, 11.111); AAA splits 2:1 on
  // 2025-01-16 (its file halved from then: 11 -> 5.5) and pays 0.5 per new share. PR = 66.667 x 5.5 + 16.667 x 21
  // + 11.111 x 31 = 366.667 + 350 + 344.444 = 1061.11. TR: M_t-1 adjusted = 66.667 x 5.45 + 348.333 + 343.333 =
  // 1055 (= TR_t-1), dividend cash 66.667 x 0.5 = 33.333, TR = 1055 x (1061.111 + 33.333) / 1055 = 1094.44
  // (the dividend before the split, 33.333 x 0.5, gave 1077.78).
  ...([['dividend-first', [SAME_DAY_DIVIDEND, SAME_DAY_SPLIT]], ['split-first', [SAME_DAY_SPLIT, SAME_DAY_DIVIDEND]]] as const).map(([order, actions]) => ({
    id: `same-ex-date-${order}`, about: `a split and a dividend on one ex-date (${order} in the file) gave an order-dependent result`,
    files: { ...market(), 'data/AAA.csv': barsCsv(rising(40, 10).map((x, i) => (i >= 10 ? x / 2 : x))), 'data/x_actions.json': JSON.stringify(actions), 'm/tri.yaml': methodology(), 'm/members.csv': market()['data/tgt_members.csv'] as string },
    args: ['index', 'build', 'm/tri.yaml', '--data', 'data'], exit: 0 as const,
    line: /^2025-01-16\s+1061\.11\s+0\.58\s+1094\.44\s+1\.0000000\s+split AAA 2:1; cash dividend AAA 0\.5$/,
    outcome: 'clear' as const,
  })),
  // ---- CR-only line ends (classic Mac OS) read as one line: "missing column"; now lines like LF and CRLF
  {
    id: 'cr-only-bars-import', about: 'a bar CSV with CR-only line ends was rejected with "missing column" on line 1',
    files: { 'd/AB.csv': barsCsv([10, 11, 12], undefined, '\r') }, args: ['import', 'd', '--db', 'x.duckdb'], exit: 0,
    line: '1 files into x.duckdb: 3 bars written, 0 unchanged, 0 rejected',
    outcome: 'clear',
  },
  {
    id: 'cr-only-bad-row-line', about: 'in a CR-only file a skipped row is named by the line an editor shows (3)',
    files: { 'data/AB.csv': `${BAR_HEADER}\r2025-01-02,10,10,10,10,,\r2025-01-03,NaN,11,11,11,,\r2025-01-06,12,12,12,12,,\r` },
    args: ['milestones', 'AB', '--on', '2025-01-03', '--data', 'data'], exit: 1,
    line: err('data/AB.csv:3: field "open": value "NaN" not a number: the row of 2025-01-03 was skipped, so AB has no session on this date'),
    outcome: 'refused',
  },
  {
    id: 'cr-only-methodology-members', about: 'a methodology and a membership file with CR-only line ends',
    files: { ...market(), 'm/tri.yaml': methodology().replaceAll('\n', '\r'), 'm/members.csv': (market()['data/tgt_members.csv'] as string).replaceAll('\n', '\r') },
    args: ['index', 'build', 'm/tri.yaml', '--data', 'data'], exit: 0,
    line: 'TRI (Test Index): 40 sessions; 0 issue(s)',
    outcome: 'clear',
  },
  // ---- index build --data reads plain files byte by byte (parseBarsColumns): it screens them as import does
  {
    id: 'index-build-data-saturday', about: 'index build --data took a Saturday bar through the byte-level fast path unscreened',
    files: { ...market(), 'data/AAA.csv': (market()['data/AAA.csv'] as string).replace('2025-01-06,', '2025-01-04,10.15,10.15,10.15,10.15,,1000\n2025-01-06,'), 'm/tri.yaml': methodology(), 'm/members.csv': market()['data/tgt_members.csv'] as string },
    args: ['index', 'build', 'm/tri.yaml', '--data', 'data'], exit: 0,
    line: 'data/AAA.csv:4: field "date": value "2025-01-04" a Saturday: no exchange trades then (row skipped)',
    outcome: 'warned',
  },
  {
    id: 'index-build-data-high-2e9', about: 'index build --data with a high of 2000000000 (plain digits: the fast path took it) in a member file',
    files: { ...market(), 'data/BBB.csv': (market()['data/BBB.csv'] as string).replace('2025-01-06,20.2,20.2,20.2,20.2,', '2025-01-06,20.2,2000000000,20.2,20.2,'), 'm/tri.yaml': methodology(), 'm/members.csv': market()['data/tgt_members.csv'] as string },
    args: ['index', 'build', 'm/tri.yaml', '--data', 'data'], exit: 0,
    line: 'data/BBB.csv:4: field "high": value "2000000000" outside the plausible price range [0.000001, 1000000000] (row skipped)',
    outcome: 'warned',
  },
  // ---- news: an RSS title wholly inside markup whose content a body drops (<button>, <noscript>, <svg><text>...)
  {
    id: 'rss-title-wholly-markup', about: 'an RSS item whose title is wholly markup plus text was refused "title missing"',
    files: { 'news/wire.xml': '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>\n<item><title><![CDATA[<b><button>Kingdee jumps 14.5%</button></b>]]></title><link>https://wire.example/k</link><pubDate>Fri, 07 Feb 2025 16:30:00 +0800</pubDate></item>\n</channel></rss>\n' },
    args: ['news', 'ingest', 'news', '--db', 'n.duckdb'], exit: 0,
    line: '1 source(s), 1 article(s) parsed into n.duckdb: 1 ingested, 0 unchanged, 0 duplicate(s) (0 same URL, 0 near-duplicate), 0 relinked, 0 rejected',
    outcome: 'clear',
  },
  // ---- hidden reasons: a skipped row says why
  ...([
    ['nan', 'NaN', 'open', 'not a number'],
    ['hex', '0x10', 'open', 'not a number'],
    ['nul', '1\u00002', 'open', 'not a number'],
  ] as const).map(([id, v, field, why]) => ({
    id: `milestones-skipped-${id}`, about: `milestones on a date whose row was skipped (${id}) said "no session on this date"`,
    files: { 'data/AB.csv': `${BAR_HEADER}\n2025-01-02,10,10,10,10,,\n2025-01-03,${v},11,11,11,,\n2025-01-06,12,12,12,12,,\n` },
    args: ['milestones', 'AB', '--on', '2025-01-03', '--data', 'data'], exit: 1 as const,
    line: err(`data/AB.csv:3: field "${field}": value "${v}" ${why}: the row of 2025-01-03 was skipped, so AB has no session on this date`),
    outcome: 'refused' as const,
  })),
  {
    id: 'milestones-skipped-negative-volume', about: 'milestones on a date whose row had a negative volume',
    files: { 'data/AB.csv': `${BAR_HEADER}\n2025-01-02,10,10,10,10,,\n2025-01-03,11,11,11,11,,-5\n2025-01-06,12,12,12,12,,\n` },
    args: ['milestones', 'AB', '--on', '2025-01-03', '--data', 'data'], exit: 1,
    line: err('data/AB.csv:3: field "volume": value "-5" not a non-negative number: the row of 2025-01-03 was skipped, so AB has no session on this date'),
    outcome: 'refused',
  },
  // ---- methodology: base date and YAML
  {
    id: 'methodology-base-saturday', about: 'a methodology based on a Saturday silently shifted every level',
    files: { ...market(), 'm/tri.yaml': methodology({ baseDate: 'baseDate: 2025-01-04' }), 'm/members.csv': market()['data/tgt_members.csv'] as string },
    args: ['index', 'build', 'm/tri.yaml', '--data', 'data'], exit: 1,
    line: err('methodology TRI: field "baseDate": value "2025-01-04" a Saturday, not a session: the index is based on a session\'s close (the next session in the data is 2025-01-06)'),
    outcome: 'refused',
  },
  {
    id: 'methodology-base-after-data', about: 'index build with the base date after the data exited 0 with an empty table',
    files: { ...market(), 'm/tri.yaml': methodology({ baseDate: 'baseDate: 2025-12-01' }), 'm/members.csv': market()['data/tgt_members.csv'] as string },
    args: ['index', 'build', 'm/tri.yaml', '--data', 'data'], exit: 1,
    line: err(`methodology TRI: field "baseDate": value "2025-12-01" after the last session in the data (${S[39]}): no level can be computed`),
    outcome: 'refused',
  },
  {
    id: 'methodology-base-holiday', about: 'a base date on a holiday inside the data',
    files: { ...market(), 'm/tri.yaml': methodology({ baseDate: 'baseDate: 2025-01-29' }), 'm/members.csv': market()['data/tgt_members.csv'] as string },
    args: ['index', 'build', 'm/tri.yaml', '--data', 'data'], exit: 1,
    line: err('methodology TRI: field "baseDate": value "2025-01-29" not a session in the data (a holiday?): the index is based on a session\'s close (the next session in the data is 2025-02-03)'),
    outcome: 'refused',
  },
  {
    id: 'yaml-alias-bomb', about: 'a YAML alias bomb got a message without file and line',
    files: { ...market(), 'm/bomb.yaml': `${methodology()}x0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1]\n${Array.from({ length: 9 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`).join('\n')}\n` },
    args: ['index', 'build', 'm/bomb.yaml', '--data', 'data'], exit: 1,
    line: err('m/bomb.yaml:13: YAML aliases expand too far (more than 50 copies: an alias bomb?); write the values out'),
    outcome: 'refused',
  },
  {
    id: 'yaml-deep-nesting', about: 'deeply nested YAML said "Maximum call stack size exceeded"',
    files: { ...market(), 'm/deep.yaml': `code: TRI\nname: ${'['.repeat(5000)}${']'.repeat(5000)}\n` },
    args: ['index', 'build', 'm/deep.yaml', '--data', 'data'], exit: 1,
    line: err('m/deep.yaml:2: YAML nested more than 64 levels deep: a methodology is a few levels deep'),
    outcome: 'refused',
  },
  // ---- paths
  {
    id: 'symbol-is-a-path', about: 'milestones ../../x read a file outside --data',
    files: { 'data/AB.csv': ok3, 'x.csv': ok3 }, args: ['milestones', '../x', '--on', '2025-01-03', '--data', 'data'], exit: 1,
    line: err('SYMBOL: value "../x" not a symbol: letters, digits and . _ ^ = - only (a name, not a path)'),
    outcome: 'refused',
  },
  {
    id: 'movers-symbol-is-a-path', about: 'movers with a symbol that is a path',
    files: { 'data/AB.csv': ok3, 'data/m.csv': 'symbol,name,from,to\nAB,A,2024-01-01,\n' }, args: ['movers', '/etc/passwd', '--on', '2025-01-03', '--data', 'data', '--members', 'data/m.csv'], exit: 1,
    line: err('SYMBOL: value "/etc/passwd" not a symbol: letters, digits and . _ ^ = - only (a name, not a path)'),
    outcome: 'refused',
  },
  {
    id: 'methodology-membership-escapes', about: 'membership: ../../etc/passwd was followed and its first line printed',
    files: { ...market(), 'm/tri.yaml': methodology({ universe: 'universe:\n  membership: ../../../../../../etc/passwd' }) },
    args: ['index', 'build', 'm/tri.yaml', '--data', 'data'], exit: 1,
    line: err('m/tri.yaml: field "universe.membership": value "../../../../../../etc/passwd" must name a file inside the methodology\'s folder (no absolute path, no "..")'),
    outcome: 'refused',
  },
  {
    id: 'methodology-membership-absolute', about: 'an absolute membership path',
    files: { ...market(), 'm/tri.yaml': methodology({ universe: 'universe:\n  membership: /etc/passwd' }) },
    args: ['index', 'build', 'm/tri.yaml', '--data', 'data'], exit: 1,
    line: err('m/tri.yaml: field "universe.membership": value "/etc/passwd" must name a file inside the methodology\'s folder (no absolute path, no "..")'),
    outcome: 'refused',
  },
  {
    id: 'members-file-not-csv', about: 'a membership file that is not one: its content is never printed',
    files: { ...market(), 'm/tri.yaml': methodology(), 'm/members.csv': 'root:x:0:0:root:/root:/bin/bash\n' },
    args: ['index', 'build', 'm/tri.yaml', '--data', 'data'], exit: 1,
    line: err('$DIR/m/members.csv:1: first line is not the header symbol,name,from,to (its content is not shown)'),
    outcome: 'refused',
  },
];

/** Helpers for tests that build cases of their own. */
export { barsCsv, BAR_HEADER, methodology };
