/** Reading a file's text back, for writers that compare before rewriting it. */
import { readFileSync } from 'node:fs';

/** The text of `path`, or null when it cannot be read: what a writer compares with before rewriting a file. */
export function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
