/**
 * What a brief's outputs depend on in its own folder: its text and the local images it inlines.
 * Hashing only the text would keep serving an old picture after the image file changed.
 *
 * Hashing every brief on every build is most of a no-op build's time, so a hash comes with a
 * stamp (size, times and inode of each file hashed) and a later build reuses the hash while the
 * stamp still matches. Sync I/O: these are small files read one after another, and a thousand
 * awaited reads cost far more than the reads themselves.
 */
import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { decodeUtf8, normaliseText } from '../source/text.js';
import { isInside, realPathOf } from '../io/contained.js';
import { sha256 } from '../io/hash.js';
import { linkDestinations } from './link-destinations.js';

/**
 * A file changed this recently (ms) could change again within the same timestamp tick and keep
 * its stamp, so it is not stamped (git's "racily clean" problem). Two seconds covers the coarsest
 * timestamps in use (FAT; HFS+ and ext3 have one second).
 */
export const settleMs = 2000;

/** A brief's source hash, and the stamp under which a later build may reuse it. */
export interface SourceHash {
  hash: string;
  /**
   * The brief's stat, then `reference\0stat` for each file it references; null when one of them
   * changed too recently to trust (see `settleMs`).
   */
  stamp: string[] | null;
  /** With no stamp: the time (ms) after which hashing again would give one. */
  settlesAt: number;
}

/** What a previous build recorded for the brief. */
export interface KnownSource {
  hash: string;
  stamp?: string[] | null | undefined;
}

/**
 * sha256 of the brief's bytes plus the bytes (or absence) of every local file it references;
 * `known.hash` itself when `known.stamp` still matches every file. Throws when the brief cannot
 * be read.
 */
export function briefSourceHash(path: string, known?: KnownSource, now = Date.now()): SourceHash {
  if (known?.stamp && stampMatches(path, known.stamp)) return { hash: known.hash, stamp: known.stamp, settlesAt: 0 };
  // Stat before reading: a change in between leaves an old stamp on new bytes, so the next build
  // sees a different stat and hashes again (the safe way round).
  const stat = statSync(path);
  const bytes = readFileSync(path);
  const stamp = [statKey(stat)];
  let latest = Math.max(stat.mtimeMs, stat.ctimeMs);
  const references = referencesIn(bytes);
  // Never the same twice, so never taken for unchanged.
  if (references === null) return { hash: `unscanned:${randomUUID()}`, stamp: null, settlesAt: 0 };
  if (references.length === 0) return stamped(sha256(bytes), stamp, latest, now);
  const folder = dirname(path);
  const parts: Buffer[] = [bytes];
  for (const reference of references) {
    const target = referencedFile(folder, reference);
    // Only a regular file inside the folder is read (a FIFO would block, a file outside is never inlined).
    const info = target === null ? null : statOrNull(target);
    let file: Buffer | null = null;
    try {
      file = info?.isFile() ? readFileSync(target!) : null;
    } catch {
      // An unreadable file inlines nothing, like a missing one.
    }
    stamp.push(`${reference}\0${info ? statKey(info) : 'missing'}`);
    if (info) latest = Math.max(latest, info.mtimeMs, info.ctimeMs);
    parts.push(Buffer.from(`\0${reference}\0${file ? sha256(file) : 'missing'}`));
  }
  return stamped(sha256(Buffer.concat(parts)), stamp, latest, now);
}

function stamped(hash: string, stamp: string[], latest: number, now: number): SourceHash {
  const settlesAt = latest + settleMs;
  return settlesAt < now ? { hash, stamp, settlesAt: 0 } : { hash, stamp: null, settlesAt };
}

/**
 * The local references (sorted, unique) a brief's bytes may inline: every link and image
 * destination in its text, front matter included (`summary` is Markdown), found without parsing
 * (see link-destinations.ts), so every CommonMark form counts (nested brackets or a line break in
 * the alt text, `<my map.png>`, entities, escapes, parentheses). Over-matching only costs a hash;
 * missing one would serve stale output. Null when the text is too costly to scan: the brief is
 * then hashed as changed on every build, and its worker's limits apply.
 */
function referencesIn(bytes: Buffer): string[] | null {
  // Most briefs inline nothing: skip decoding for them.
  if (!bytes.includes('](') && !bytes.includes(']:')) return [];
  const destinations = linkDestinations(normaliseText(decodeUtf8(bytes).text));
  if (destinations === null) return null;
  return destinations.filter((url) => url !== '' && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)).sort();
}

/** The file an image URL names, as `inlineImage` resolves it; null when it cannot be one or lies outside the brief's folder. */
function referencedFile(folder: string, reference: string): string | null {
  let path: string;
  try {
    path = resolve(folder, decodeURI(reference.split(/[?#]/)[0] ?? ''));
    return isInside(realpathSync(folder), realPathOf(path)) ? path : null;
  } catch {
    return null;
  }
}

/** Whether every file in `stamp` still has the stat recorded there. */
function stampMatches(path: string, stamp: readonly string[]): boolean {
  const info = statOrNull(path);
  if (!info || statKey(info) !== stamp[0]) return false;
  const folder = dirname(path);
  for (let index = 1; index < stamp.length; index++) {
    const [reference = '', key] = stamp[index]!.split('\0');
    const file = referencedFile(folder, reference);
    const target = file === null ? null : statOrNull(file);
    if ((target ? statKey(target) : 'missing') !== key) return false;
  }
  return true;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** Size, modification and change times and inode: ctime moves on any write, even one that restores mtime. */
function statKey(info: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): string {
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
}
