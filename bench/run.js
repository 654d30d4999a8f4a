#!/usr/bin/env node
/**
 * `npm run bench [-- section…]`: runs every benchmark section (each `bench/*.js` other than this
 * file, exporting `title` and `run()`), and prints each figure beside its goal and the baseline in
 * bench/baseline.json. `--save-baseline` records this run's figures as the new baseline.
 * Sections run against dist/, so build first (`npm run prepare`).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const baselinePath = join(here, 'baseline.json');
const args = process.argv.slice(2);
const save = args.includes('--save-baseline');
const only = args.filter((arg) => !arg.startsWith('--'));
const baseline = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, 'utf8')) : {};
const results = { ...baseline };

const files = readdirSync(here)
  .filter((name) => name.endsWith('.js') && name !== 'run.js')
  .sort();
for (const file of files) {
  const name = file.slice(0, -3);
  if (only.length > 0 && !only.includes(name)) continue;
  const section = await import(pathToFileURL(join(here, file)).href);
  console.log(`\n## ${section.title ?? name}\n`);
  console.log(`${'measure'.padEnd(58)} ${'now'.padStart(9)} ${'baseline'.padStart(9)}  goal`);
  for (const row of await section.run()) {
    const key = `${name}: ${row.label}`;
    const before = baseline[key];
    const suffix = { x: '×', ms: ' ms', MB: ' MB' }[row.unit] ?? ' s';
    const format = (value) => (value === undefined ? '—' : `${value.toFixed({ x: 2, ms: 0, MB: 0 }[row.unit] ?? 3)}${suffix}`);
    console.log(`${row.label.padEnd(58)} ${format(row.value).padStart(9)} ${format(before).padStart(9)}  ${row.goal ?? ''}`);
    results[key] = row.value;
  }
}
if (save) {
  writeFileSync(baselinePath, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nbaseline saved to ${baselinePath}`);
}
console.log('\n(Timings on a shared or busy machine are noisy; compare runs on the same machine.)');
