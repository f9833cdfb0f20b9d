/**
 * Layer direction (DESIGN.md): core <- domain <- calendar <- (engine, analytics, news, stories, realtime)
 * <- (sources, store) <- app <- (cli, server). Pure layers never import each other, never touch I/O.
 */
const PURE = ['engine', 'analytics', 'news', 'stories', 'realtime'];
const layer = (name) => `^src/${name}/`;
const forbidden = [
  { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  { name: 'core-is-innermost', severity: 'error', from: { path: layer('core') },
    to: { path: '^src/(?!core/)' } },
  { name: 'domain-only-core', severity: 'error', from: { path: layer('domain') },
    to: { path: '^src/(?!core/|domain/)' } },
  { name: 'calendar-only-inner', severity: 'error', from: { path: layer('calendar') },
    to: { path: '^src/(?!core/|domain/|calendar/)' } },
  ...PURE.map((p) => ({
    name: `${p}-is-pure`, severity: 'error', from: { path: layer(p) },
    to: { path: `^src/(?!core/|domain/|calendar/|${p}/)` },
  })),
  ...PURE.map((p) => ({
    name: `${p}-no-io`, severity: 'error', from: { path: layer(p), pathNot: '\\.test\\.ts$' },
    to: { dependencyTypes: ['core'], path: '^(fs|node:fs|fs/promises|node:fs/promises|net|node:net|http|node:http|child_process|node:child_process)$' },
  })),
  { name: 'adapters-not-outward', severity: 'error', from: { path: '^src/(sources|store)/' },
    to: { path: '^src/(app|cli|server)/' } },
  { name: 'app-not-faces', severity: 'error', from: { path: layer('app') },
    to: { path: '^src/(cli|server)/' } },
  { name: 'faces-thin', severity: 'error', from: { path: '^src/(cli|server)/' },
    to: { path: '^src/(engine|analytics|news|stories|realtime|sources|store)/' } },
  // `indexwire --help` loads every command module: they import what they run inside their actions
  // (`await import('../../app/x.js')`), see src/cli/commandTable.ts.
  { name: 'cli-imports-jobs-lazily', severity: 'error', from: { path: '^src/cli/' },
    to: { path: '^src/(app|server)/', pathNot: '^src/app/defaults\\.ts$', dynamic: false, dependencyTypesNot: ['type-only'] } },
];
module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
