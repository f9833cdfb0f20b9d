'use strict';
/**
 * The build stamp (dist/build.json, written by scripts/build.cjs): the current build's id and every input file
 * of its bundles with its mtime and size when it was built. Read at every start of the CLI: keep it small.
 */
const fs = require('node:fs');
const path = require('node:path');

/** The stamp of the current build, or null when there is none (or it cannot be read). */
function readStamp(root) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'build.json'), 'utf8'));
  } catch {
    return null;
  }
  return stamp && stamp.version === 1 && typeof stamp.id === 'string' && stamp.files && stamp.bundles ? stamp : null;
}

/**
 * The first of `names` whose mtime or size differs from the stamp's record (or that is gone), else null.
 * One stat a file: ~7 us each here, ~2 ms for the ~300 inputs of all bundles.
 */
function staleInput(root, files, names = Object.keys(files)) {
  for (const name of names) {
    const rec = files[name];
    const st = fs.statSync(path.join(root, name), { throwIfNoEntry: false });
    if (!rec || !st || st.mtimeMs !== rec[0] || st.size !== rec[1]) return name;
  }
  return null;
}

module.exports = { readStamp, staleInput };
