/**
 * The benchmarks import the built modules by path (`join(root, 'dist', …)`): each such path is a
 * module of src/, so a moved or renamed module breaks this test rather than `npm run bench`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const benchFiles = ['bench', join('bench', 'lib')].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name)),
);

describe('the benchmarks', () => {
  it('import only modules that exist in src/', () => {
    const imported = benchFiles.flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/join\([^)]*?'dist',\s*((?:'[^']+',?\s*)+)\)/g)].map((match) => ({
        file,
        path: [...match[1]!.matchAll(/'([^']+)'/g)].map((part) => part[1]!).join('/'),
      })),
    );
    expect(imported.length).toBeGreaterThan(3);
    const missing = imported.filter(({ path }) => !existsSync(join(root, 'src', path.replace(/\.js$/, '.ts'))));
    expect(missing).toEqual([]);
  });
});
