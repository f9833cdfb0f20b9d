'use strict';
/**
 * `npm run build`: compiles the CLI into dist/ with esbuild (type checking stays `npm run typecheck`).
 *
 *   dist/build.json          the stamp: which build is current, and every input file with its mtime and size
 *   dist/<id>/main.cjs       the CLI shell: commander, the command table, every command's options and help
 *   dist/<id>/run/<cmd>.cjs  what one command file runs: everything its actions import with `await import()`
 *   dist/<id>/*.cache        V8 code caches, written beside each bundle by its first run (bin/launch.cjs)
 *
 * A build is written to dist/.tmp-<id>/, renamed to dist/<id>/, and made current by renaming a new stamp over
 * dist/build.json: a process that reads the stamp runs one whole build, old or new, never half of one; two
 * builds at once both succeed (the last rename wins). Builds older than a minute are removed.
 *
 * `node scripts/build.cjs [--force] [--if-possible] [--quiet]`: does nothing when dist/ is fresh (unless
 * --force); --if-possible (npm's prepare) skips with a note when esbuild is not installed.
 */
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { readStamp, staleInput } = require('../bin/buildStamp.cjs');

const ROOT = path.resolve(__dirname, '..');
/**
 * Required at run time from node_modules, not bundled: packages with native code (or a binary of their own), and
 * node-postgres (`pg`), which only a `--db postgresql://` run loads (src/app/openStore.ts imports the PostgreSQL
 * store on demand): no bundle carries its bytes. DuckDB's JavaScript API (`@duckdb/node-api`, 124 CommonJS files)
 * is bundled and only its native binding (`@duckdb/node-bindings`, which picks the platform's `duckdb.node`) is
 * required: resolving, reading and compiling those files at every start cost more than the rest of opening a
 * store, and bundled they come from the code cache.
 */
const EXTERNAL = ['@duckdb/node-bindings', '@resvg/resvg-js', 'esbuild', 'pg'];
/** Files every bundle depends on besides its sources: the build itself, the compiler settings. */
const BUILD_FILES = ['scripts/build.cjs', 'bin/buildStamp.cjs', 'tsconfig.json', 'package.json'];
/** npm rewrites this file on every install: it stands for every node_modules file a bundle holds. */
const NODE_MODULES_STAMP = 'node_modules/.package-lock.json';
const KEEP_OLD_BUILDS_MS = 60_000;

/** Is dist/ a build of the current sources? Returns null when fresh, else the reason. */
function buildIsStale(root = ROOT) {
  const stamp = readStamp(root);
  if (!stamp) return 'no build in dist/';
  const all = new Set(Object.values(stamp.bundles).flat());
  const changed = staleInput(root, stamp.files, [...all]);
  return changed ? `${changed} changed since the last build` : null;
}

/**
 * Builds dist/ and makes it current. Returns { id, dir, seconds }.
 * @throws Error with esbuild's first message when a source does not compile.
 */
async function build(root = ROOT) {
  const esbuild = require('esbuild');
  const t0 = process.hrtime.bigint();
  const dist = path.join(root, 'dist');
  const id = `${Date.now().toString(36)}-${process.pid}`;
  const tmp = path.join(dist, `.tmp-${id}`);
  fs.mkdirSync(path.join(tmp, 'run'), { recursive: true });
  try {
    const lazy = new Map(); // command file (no extension) -> Set of source paths its actions import lazily
    const common = {
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: EXTERNAL,
      // external dynamic imports become require() calls: the launcher's require loads run bundles
      supported: { 'dynamic-import': false },
      legalComments: 'none',
      // Smaller, one-byte source: the launcher reads and V8 hashes every byte of a bundle at each start (the code
      // cache saves the parsing, not the reading), and an ASCII file is read as a one-byte Latin-1 string instead
      // of being decoded into a two-byte one (story's bundle: 8.8 MB -> 5.8 MB, its load 2.5x less CPU).
      // Whitespace only, syntax as written. Minifying renames colliding symbols bundle-wide (`class CommanderError`
      // of a package becomes `var CommanderError2 = class`): keepNames keeps every function's and class's own
      // `name`, which error messages and `this.constructor.name` show.
      minifyWhitespace: true,
      keepNames: true,
      charset: 'ascii',
      metafile: true,
      logLevel: 'silent',
    };
    // import.meta.url of a source file (sourcePlugin), from the checkout root: up from the bundle's own folder
    const rootFrom = (up) => ({
      js: `"use strict";\nvar __iwRoot = require("node:path").resolve(__dirname, ${JSON.stringify(up)});\n` +
        'var __iwSourceUrl = (rel) => require("node:url").pathToFileURL(require("node:path").join(__iwRoot, rel)).href;',
    });
    const main = await esbuild.build({
      ...common,
      entryPoints: { main: 'src/cli/main.ts' },
      banner: rootFrom('../..'),
      outdir: tmp,
      outExtension: { '.js': '.cjs' },
      plugins: [sourcePlugin(root), lazyCommandsPlugin(root, lazy)],
    });
    const groups = [...lazy.keys()].sort();
    const run = groups.length === 0 ? null : await esbuild.build({
      ...common,
      entryPoints: Object.fromEntries(groups.map((g) => [g, `iw-run:${g}`])),
      banner: rootFrom('../../..'),
      outdir: path.join(tmp, 'run'),
      outExtension: { '.js': '.cjs' },
      plugins: [runEntriesPlugin(root, lazy), sourcePlugin(root)],
    });
    checkOutputs([main, run].filter(Boolean));
    asciiOnly(tmp);
    const bundles = {}; // bundle -> the files it was built from (node_modules files as npm's install stamp)
    const packages = {}; // bundle -> the packages it holds (what loading it costs; test/cli/build.test.ts)
    const files = {};
    const npmStamp = fs.existsSync(path.join(root, NODE_MODULES_STAMP));
    for (const result of [main, run].filter(Boolean)) {
      for (const [out, meta] of Object.entries(result.metafile.outputs)) {
        if (!out.endsWith('.cjs')) continue;
        const key = path.relative(tmp, path.resolve(root, out)).split(path.sep).join('/');
        const inputs = new Set(BUILD_FILES);
        const pkgs = new Set();
        for (const input of Object.keys(meta.inputs)) {
          if (input.startsWith('iw-run:')) continue;
          const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
          if (pkg) pkgs.add(pkg[1]);
          inputs.add(pkg && npmStamp ? NODE_MODULES_STAMP : input);
        }
        bundles[key] = [...inputs].sort();
        packages[key] = [...pkgs].sort();
      }
    }
    for (const f of new Set(Object.values(bundles).flat())) {
      const st = fs.statSync(path.join(root, f));
      files[f] = [st.mtimeMs, st.size];
    }
    const dir = path.join(dist, id);
    fs.renameSync(tmp, dir);
    const stamp = { version: 1, id, builtAt: new Date().toISOString(), node: process.version, bundles, packages, files };
    const tmpStamp = path.join(dist, `.build.json.tmp-${id}`);
    fs.writeFileSync(tmpStamp, `${JSON.stringify(stamp)}\n`);
    fs.renameSync(tmpStamp, path.join(dist, 'build.json'));
    removeOldBuilds(dist, id);
    return { id, dir, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const first = err.errors?.[0]; // esbuild's own: 'Build failed with 1 error:' first, the message next
    if (first) throw new Error(`${first.location ? `${first.location.file}:${first.location.line}: ` : ''}${first.text}`);
    throw err;
  }
}

/**
 * Reads the sources: `import.meta.url` becomes the URL of the source file itself, computed at run time from the
 * checkout root (the bundles sit two or three folders below it), so that paths resolved relative to a source
 * file (web/dashboard, data/securities.yaml, methodologies/, fonts via createRequire) are the same from dist/ as
 * from src/. Any other use of `import.meta` fails the build instead of silently becoming undefined.
 */
function sourcePlugin(root) {
  return {
    name: 'indexwire-sources',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
        let text = fs.readFileSync(args.path, 'utf8');
        if (text.includes('import.meta')) {
          const rel = path.relative(root, args.path).split(path.sep).join('/');
          text = text.replaceAll('import.meta.url', `__iwSourceUrl(${JSON.stringify(rel)})`);
          const other = /import\.meta(?!\w)/.exec(text);
          if (other) {
            const line = text.slice(0, other.index).split('\n').length;
            return { errors: [{ text: 'import.meta other than import.meta.url is not supported by the build (scripts/build.cjs)', location: { file: rel, line } }] };
          }
        }
        return { contents: text, loader: 'ts' };
      });
    },
  };
}

/**
 * In the main bundle, `await import(X)` inside a command file (src/cli/commands/<cmd>.ts) becomes a require of
 * `iw-run:<cmd>:<X>`, which the launcher answers from dist/<id>/run/<cmd>.cjs (built next, with every lazy
 * import of that file in one bundle: the modules a command's actions load share one copy of each dependency).
 */
function lazyCommandsPlugin(root, lazy) {
  const commandsDir = path.join(root, 'src', 'cli', 'commands') + path.sep;
  return {
    name: 'indexwire-lazy-commands',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || !args.importer.startsWith(commandsDir)) return undefined;
        const target = args.path.startsWith('.') ? path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')) : null;
        if (!target || !fs.existsSync(target)) {
          return { errors: [{ text: `lazy import "${args.path}" of a command must be a relative path to a source file` }] };
        }
        const group = path.basename(args.importer).replace(/\.ts$/, '');
        const rel = path.relative(root, target).split(path.sep).join('/');
        if (!lazy.has(group)) lazy.set(group, new Set());
        lazy.get(group).add(rel);
        return { path: `iw-run:${group}:${rel}`, external: true };
      });
    },
  };
}

/** The entry of run/<cmd>.cjs: one getter per lazy import, so a module is evaluated when an action asks for it. */
function runEntriesPlugin(root, lazy) {
  return {
    name: 'indexwire-run-entries',
    setup(b) {
      b.onResolve({ filter: /^iw-run:/ }, (args) => ({ path: args.path, namespace: 'iw-run' }));
      b.onLoad({ filter: /.*/, namespace: 'iw-run' }, (args) => {
        const group = args.path.slice('iw-run:'.length);
        const lines = [...lazy.get(group)].sort().map((rel) =>
          `  get ${JSON.stringify(rel)}() { return require(${JSON.stringify(`./${rel}`)}); },`);
        return { contents: `module.exports = {\n${lines.join('\n')}\n};\n`, loader: 'js', resolveDir: root };
      });
    },
  };
}

/**
 * esbuild's `charset: 'ascii'` escapes strings, templates and identifiers but leaves characters of regular
 * expression literals as they are; outside strings and comments (legalComments: 'none') a bundle has no other
 * place for them, so each is written as the same character escaped (`\uXXXX`, a surrogate pair as two).
 */
function asciiOnly(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.cjs')) continue;
    const file = path.join(e.parentPath ?? e.path, e.name);
    const text = fs.readFileSync(file, 'utf8');
    if (!/[^\x00-\x7f]/.test(text)) continue;
    const escaped = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    fs.writeFileSync(file, escaped);
  }
}

/** Fails on esbuild warnings (an unresolved require, a lost import.meta). */
function checkOutputs(results) {
  const warnings = results.flatMap((r) => r.warnings)
    // optional peer packages that libraries require inside try/catch (ws: bufferutil, utf-8-validate, ...)
    .filter((w) => !(w.id === 'require-resolve-not-external' || (w.text.startsWith('Could not resolve') && w.notes.some((n) => /try\/catch/.test(n.text)))));
  if (warnings.length > 0) {
    const w = warnings[0];
    throw new Error(`build: ${w.location ? `${w.location.file}:${w.location.line}: ` : ''}${w.text}`);
  }
  // error classes take their name from the class (core/errors.ts): keepNames (above) keeps it through renames
}

function removeOldBuilds(dist, keep) {
  const now = Date.now();
  for (const e of fs.readdirSync(dist, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name === keep) continue;
    const p = path.join(dist, e.name);
    try {
      const age = now - fs.statSync(p).mtimeMs;
      // a build another process may still be loading from is kept a minute; a crashed build's temp ten minutes
      if (age > (e.name.startsWith('.tmp-') ? 10 * KEEP_OLD_BUILDS_MS : KEEP_OLD_BUILDS_MS)) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      // another build removed it first
    }
  }
}

module.exports = { build, buildIsStale, ROOT, EXTERNAL };

if (require.main === module) {
  const args = process.argv.slice(2);
  const say = (s) => { if (!args.includes('--quiet')) process.stdout.write(`${s}\n`); };
  (async () => {
    const stale = args.includes('--force') ? 'forced' : buildIsStale(ROOT);
    if (!stale) return say('build: dist/ is up to date');
    try {
      require.resolve('esbuild');
    } catch {
      if (args.includes('--if-possible')) return say('build: esbuild is not installed (npm install without --omit=dev builds dist/): skipped');
      throw new Error('esbuild is not installed: run npm install');
    }
    const r = await build(ROOT);
    say(`build: dist/${r.id} in ${r.seconds.toFixed(1)} s (${stale})`);
  })().catch((err) => {
    process.stderr.write(`build: ${String(err.message).split('\n')[0]}\n`);
    process.exitCode = 1;
  });
}
