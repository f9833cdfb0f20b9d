#!/usr/bin/env node
// Runs the compiled CLI in dist/ (npm run build); rebuilds it first when a source changed (bin/launch.cjs).
import { createRequire } from 'node:module';

// `indexwire ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { launch } = createRequire(import.meta.url)('./launch.cjs');
process.exitCode = await launch(process.argv);
