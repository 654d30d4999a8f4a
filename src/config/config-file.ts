/** Where a project's config file is: found without loading the schema that checks it. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Config file names, in the order they are looked for in each directory. */
export const configNames = ['briefsmith.config.json', 'briefsmith.config.mjs', 'briefsmith.config.js'] as const;

/** The nearest config file at or above `cwd`, or undefined. */
export function findConfigFile(cwd = process.cwd()): string | undefined {
  let directory = resolve(cwd);
  for (;;) {
    for (const name of configNames) {
      const candidate = join(directory, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}
