/**
 * Source hashes across builds: a brief's hash is taken again only when the stat stamp recorded
 * with it no longer holds, and at the end of a build each current hash is stamped for the next.
 */
import { sha256 } from '../io/hash.js';
import type { CacheEntry } from './cache.js';
import { briefSourceHash, type SourceHash } from './source-hash.js';

/** The brief's source hash, reusing the cached one while its stamp matches. */
export function currentSourceHash(path: string, entry: CacheEntry | undefined, now: number): SourceHash {
  try {
    return briefSourceHash(path, entry && { hash: entry.sourceHash, stamp: entry.sourceStamp }, now);
  } catch {
    // Unreadable: loading it reports why; the path keeps it apart from every real hash.
    return { hash: sha256(path), stamp: null, settlesAt: Infinity };
  }
}

/**
 * Gives each cache entry whose source hash is current the stamp of this build's hash, so the
 * next build can skip hashing it. A source changed too recently to stamp at the start is hashed
 * again now if it has settled since (as after a long first build), and stamped only if it still
 * hashes the same. Returns the sources found this build, and whether any entry changed.
 */
export function stampSources(
  hashes: ReadonlyMap<string, SourceHash>,
  entries: Record<string, CacheEntry>,
  sourceOf: (path: string) => string,
): { found: Set<string>; changed: boolean } {
  const found = new Set<string>();
  let changed = false;
  for (const [path, hashed] of hashes) {
    const source = sourceOf(path);
    found.add(source);
    const entry = entries[source];
    if (!entry || entry.sourceHash !== hashed.hash) continue;
    const stamp = hashed.stamp ?? settledStamp(path, hashed);
    if (stamp && stamp !== entry.sourceStamp && stamp.join('\n') !== entry.sourceStamp?.join('\n')) {
      entry.sourceStamp = stamp;
      changed = true;
    }
  }
  return { found, changed };
}

/** The stamp of a source that had not settled when it was hashed, if it has now and still hashes the same. */
function settledStamp(path: string, hashed: SourceHash): string[] | null {
  if (hashed.settlesAt > Date.now()) return null;
  try {
    const again = briefSourceHash(path, undefined, Date.now());
    return again.hash === hashed.hash ? again.stamp : null;
  } catch {
    // Gone or unreadable now: the next build finds out.
    return null;
  }
}
