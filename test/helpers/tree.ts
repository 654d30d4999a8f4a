/** A folder's files as relative path → base64 content, for comparing two published folders whole. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir` except hidden ones (the build cache `.cache/`, the lock). */
export function fileTree(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else found[relative(dir, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return found;
}
