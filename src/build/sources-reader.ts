/** Reads a cited source's text from `--sources-dir` for quote verification, never outside it. */
import { readFileSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
import type { SourceText } from '../validate/quotes.js';

/** A `readSource` for validateBrief: looks the key up in the draft's sources and reads its `file`. */
export function sourcesDirReader(sourcesDir: string, draft: Record<string, unknown>): (key: string) => SourceText {
  const root = resolve(sourcesDir);
  const sources = Array.isArray(draft.sources) ? (draft.sources as Array<{ key?: unknown; file?: unknown }>) : [];
  return (key) => {
    const file = sources.find((source) => source.key === key)?.file;
    if (typeof file !== 'string' || file === '') return { error: 'no `file` given' };
    const path = resolve(root, file);
    const inside = relative(root, path);
    if (inside.startsWith('..') || isAbsolute(inside)) return { error: `\`${file}\` is outside the sources dir` };
    try {
      return { text: readFileSync(path, 'utf8') };
    } catch {
      return { error: `cannot read \`${file}\` in ${sourcesDir}` };
    }
  };
}
