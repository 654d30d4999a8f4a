#!/usr/bin/env node
// Writes docs/rules.md from the compiled error catalogue (run through `npm run docs:rules`, which compiles first).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulesMarkdown } from '../dist/reference/rules-reference.js';

const target = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(target, rulesMarkdown());
process.stdout.write(`wrote ${target}\n`);
