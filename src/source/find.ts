/** Expands the paths given to a command into brief files, sorted for deterministic builds. */
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Raised for a path that does not exist; a usage error (exit 2), not a content error. */
export class MissingPathError extends BriefsmithError {
  constructor(readonly path: string) {
    super(`No such file or directory: ${path}`);
  }
}

/** Every `.md` file named or found (recursively) under the folders named. */
export async function findBriefs(paths: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => null);
    if (!info) throw new MissingPathError(path);
    if (info.isFile()) found.add(absolute);
    else if (info.isDirectory()) for (const file of await walk(absolute)) found.add(file);
  }
  return [...found].sort();
}

async function walk(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile() && entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') files.push(path);
  }
  return files;
}
