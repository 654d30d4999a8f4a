#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` through `prepare`).
import('../dist/cli/index.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli')) {
    process.stderr.write(
      'briefsmith: dist/ is missing; in a checkout run `npm install` (or `npm run prepare`); installed from git, its `prepare` did not run (docs/install.md).\n',
    );
    process.exit(2);
  }
  throw error;
});
