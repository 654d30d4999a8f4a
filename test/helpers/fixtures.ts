/** Golden-file helpers: compare with an expected file, or rewrite it when UPDATE=1. */
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = join(root, 'test', 'fixtures');
export const updating = process.env.UPDATE === '1';

/** Asserts `actual` equals the file at `path`; with UPDATE=1 writes it instead. */
export function expectGolden(actual: string, path: string): void {
  if (updating || !existsSync(path)) {
    if (!updating) throw new Error(`Missing golden file ${path}; run UPDATE=1 npm test to create it`);
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** Sub-folders of `dir` that hold an input.md. */
export function casesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'input.md')))
    .map((entry) => entry.name)
    .sort();
}
