// npm does not link a package's own `bin` into its node_modules/.bin; do it so that
// `node_modules/.bin/indexwire` and `npx indexwire` both work in a checkout.
const fs = require('node:fs');
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const binDir = path.join(root, 'node_modules', '.bin');
const target = path.join(binDir, 'indexwire');
try {
  fs.mkdirSync(binDir, { recursive: true });
  try { fs.unlinkSync(target); } catch {}
  fs.symlinkSync(path.relative(binDir, path.join(root, 'bin', 'indexwire.js')), target);
} catch (e) {
  console.warn(`indexwire: could not link bin: ${e.message}`);
}
