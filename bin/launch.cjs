'use strict';
/**
 * Starts the compiled CLI (dist/, scripts/build.cjs) fast and never from a stale build:
 *
 * 1. reads dist/build.json and stats every input file of the build (~2 ms); when one changed, or there is no
 *    build, it rebuilds first (one line on stderr), or refuses with one line naming `npm run build` when it
 *    cannot (esbuild not installed, INDEXWIRE_NO_REBUILD=1, or the sources do not compile);
 * 2. loads dist/<id>/main.cjs, and later the run bundle of the command that runs, as CommonJS through
 *    vm.Script with a V8 code cache beside each bundle (`<bundle>.cache`, written at exit by the first run
 *    and whenever V8 rejects it; written to a temporary file and renamed; a write that fails is ignored).
 *    Node 20 has no module.enableCompileCache: this is the same idea by hand.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const v8 = require('node:v8');
const { isAscii } = require('node:buffer');
const { readStamp, staleInput } = require('./buildStamp.cjs');

const ROOT = path.resolve(__dirname, '..');

/** A one-line refusal: printed as is, exit code 1. */
class LaunchError extends Error {}

/**
 * The folder of a build of the current sources: dist/<id>, rebuilt first when needed.
 * @throws LaunchError (one line) when the build is stale or missing and cannot be rebuilt
 */
async function freshBuildDir(root = ROOT, env = process.env, stderr = process.stderr) {
  const stamp = readStamp(root);
  const changed = stamp ? staleInput(root, stamp.files) : null;
  if (stamp && !changed) return path.join(root, 'dist', stamp.id);
  // an installed copy without its sources (nothing to compare with, nothing to rebuild from): run what is there
  if (stamp && !fs.existsSync(path.join(root, 'src'))) return path.join(root, 'dist', stamp.id);
  const reason = stamp ? `${changed} changed since the last build` : 'there is no build in dist/';
  if (env.INDEXWIRE_NO_REBUILD) throw new LaunchError(`indexwire: ${reason}: run npm run build`);
  let build;
  try {
    ({ build } = require('../scripts/build.cjs'));
    require.resolve('esbuild', { paths: [root] });
  } catch {
    throw new LaunchError(`indexwire: ${reason}, and esbuild is not installed to rebuild it: run npm install && npm run build`);
  }
  stderr.write(`indexwire: ${reason}: building dist/ first (npm run build)\n`);
  try {
    return (await build(root)).dir;
  } catch (err) {
    throw new LaunchError(`indexwire: ${reason}, and the build failed: ${String(err.message).split('\n')[0]} (fix it, then npm run build)`);
  }
}

/**
 * Loads CommonJS bundles of one build with a V8 code cache. `require('iw-run:<cmd>:<source>')` in a bundle
 * (a command's lazy import, see scripts/build.cjs) loads run/<cmd>.cjs once and returns that module.
 */
class BundleLoader {
  constructor(dir) {
    this.dir = dir;
    this.loaded = new Map();
  }

  /** The exports of `<dir>/<name>` (e.g. main.cjs, run/story.cjs), evaluated once. */
  load(name) {
    let exp = this.loaded.get(name);
    if (exp === undefined) {
      exp = this.evaluate(path.join(this.dir, name));
      this.loaded.set(name, exp);
    }
    return exp;
  }

  evaluate(file) {
    // the build writes ASCII (scripts/build.cjs): read as a one-byte string, no UTF-8 decoding into two bytes a char
    const bytes = fs.readFileSync(file);
    const source = isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.toString('utf8');
    const cacheFile = `${file}.cache`;
    let cachedData;
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) this.saveCacheAtExit(script, cacheFile);
    const mod = { exports: {}, filename: file, id: file, loaded: false };
    script.runInThisContext().call(mod.exports, mod.exports, this.requireFor(file), mod, file, path.dirname(file));
    mod.loaded = true;
    return mod.exports;
  }

  requireFor(file) {
    const base = Module.createRequire(file);
    const req = (id) => {
      if (typeof id === 'string' && id.startsWith('iw-run:')) {
        const [, group, source] = id.split(':');
        const bundle = this.load(`run/${group}.cjs`);
        return bundle[source];
      }
      return base(id);
    };
    req.resolve = base.resolve;
    req.cache = base.cache;
    req.main = base.main;
    return req;
  }

  /** At exit, when the functions the run compiled are in the script, so that the next run skips compiling them. */
  saveCacheAtExit(script, cacheFile) {
    if (pendingCaches.size === 0) process.once('exit', writeCaches);
    pendingCaches.set(cacheFile, script);
  }
}

/** Code caches to write at exit: cache file -> script (one a file, whichever loader of the process compiled it). */
const pendingCaches = new Map();

function writeCaches() {
  for (const [cacheFile, script] of pendingCaches) {
    const tmp = `${cacheFile}.tmp-${process.pid}`;
    try {
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // a read-only dist/: run without a cache
      }
    }
  }
  pendingCaches.clear();
}

/**
 * V8 settings of a CLI run, set before any code is compiled (so the code caches, which record V8's flags, match
 * from run to run). `--liftoff-only`: WebAssembly (HarfBuzz's 680 KB hb-subset, for the charts' font subsets)
 * runs on V8's baseline compiler; by default V8 also recompiled it with TurboFan on background threads, about
 * 0.8 s of CPU for a few milliseconds of subsetting, and the process waited for that at exit.
 */
const V8_FLAGS = ['--liftoff-only'];

/** `bin/indexwire.js`: runs the CLI on `argv`; resolves to the exit code. */
async function launch(argv, root = ROOT) {
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
  let dir;
  try {
    dir = await freshBuildDir(root);
  } catch (err) {
    if (!(err instanceof LaunchError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
  // parsed configuration (data/securities.yaml, methodologies) kept as JSON for this build: src/app/parseCache.ts
  globalThis[Symbol.for('indexwire.parseCacheDir')] = path.join(dir, 'cache');
  const loader = new BundleLoader(dir);
  return loader.load('main.cjs').main(argv);
}

module.exports = { launch, freshBuildDir, BundleLoader, LaunchError, V8_FLAGS };
