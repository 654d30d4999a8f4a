#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` through `prepare`).
import('../dist/cli/index.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli')) {
    process.stderr.write('briefsmith: dist/ is missing; run `npm install` (or `npm run prepare`) first.\n');
    process.exit(2);
  }
  throw error;
});
