/**
 * What a brief's outputs depend on in its own folder: its text and the local images it inlines.
 * Hashing only the text would keep serving an old picture after the image file changed.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { sha256 } from './hash.js';

// Inline images `![alt](path "title")` and reference definitions `[x]: path`; over-matching only
// costs a hash, missing one would serve stale output.
const imageReferences = /!\[[^\]\n]*\]\(\s*<?([^)\s>]+)|^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)/gm;

/** sha256 of the brief's bytes plus the bytes (or absence) of every local file it references. */
export async function briefSourceHash(path: string): Promise<string> {
  const bytes = await readFile(path);
  const folder = dirname(path);
  const references = new Set<string>();
  for (const match of bytes.toString('utf8').matchAll(imageReferences)) {
    const target = match[1] ?? match[2] ?? '';
    if (target && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) references.add(target);
  }
  if (references.size === 0) return sha256(bytes);
  const parts: Array<string | Buffer> = [bytes];
  for (const reference of [...references].sort()) {
    const file = await readFile(resolve(folder, safeDecode(reference))).catch(() => null);
    parts.push(`\0${reference}\0${file ? sha256(file) : 'missing'}`);
  }
  return sha256(Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))));
}

function safeDecode(reference: string): string {
  try {
    return decodeURI(reference);
  } catch {
    return reference;
  }
}
