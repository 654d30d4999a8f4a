#!/usr/bin/env node
// Writes defaults/templates/brief.docx, the built-in reference document (run through `npm run docs:reference-docx`, which compiles first).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinReferenceDocx } from '../dist/docx/builtin-reference.js';

const target = fileURLToPath(new URL('../defaults/templates/brief.docx', import.meta.url));
writeFileSync(target, await builtinReferenceDocx());
process.stdout.write(`wrote ${target}\n`);
