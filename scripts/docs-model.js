#!/usr/bin/env node
// Writes docs/model.md from the compiled schema (run through `npm run docs:model`, which compiles first).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelReference } from '../dist/reference/model-reference.js';

const target = fileURLToPath(new URL('../docs/model.md', import.meta.url));
writeFileSync(target, modelReference());
process.stdout.write(`wrote ${target}\n`);
