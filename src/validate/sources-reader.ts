/**
 * Reads a cited source's text from `--sources-dir` for quote verification, never outside it: the
 * file is resolved through every symlink and must stay inside the folder's real path, so a link
 * to /etc/passwd cannot be read, verified against, or shown as a "nearest passage".
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SourceText } from './quotes.js';
import { isInside } from '../io/contained.js';

/** A `readSource` for validateBrief: looks the key up in the draft's sources and reads its `file`. */
export function sourcesDirReader(sourcesDir: string, draft: Record<string, unknown>): (key: string) => SourceText {
  const root = resolve(sourcesDir);
  const sources = Array.isArray(draft.sources) ? (draft.sources as Array<{ key?: unknown; file?: unknown }>) : [];
  return (key) => {
    const file = sources.find((source) => source.key === key)?.file;
    if (typeof file !== 'string' || file === '') return { error: 'no `file` given' };
    const outside = { error: `\`${file}\` is outside the sources dir` };
    if (file.includes('\0') || !isInside(root, resolve(root, file))) return outside;
    let real: string;
    try {
      real = realpathSync(resolve(root, file));
      if (!isInside(realpathSync(root), real)) return outside;
      if (!statSync(real).isFile()) return { error: `\`${file}\` in ${sourcesDir} is not a file` };
      return { text: readFileSync(real, 'utf8') };
    } catch {
      return { error: `cannot read \`${file}\` in ${sourcesDir}` };
    }
  };
}
