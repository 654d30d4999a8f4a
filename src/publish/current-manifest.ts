/** Which briefs a build publishes: the ones it knows now, and the previous ones still standing. */
import type { CacheEntry } from '../cache/cache.js';
import { createManifest, manifestEntry, type Manifest, type ManifestBrief } from './manifest.js';
import type { Shard } from './shard.js';
import { staleEntries } from './stale.js';

export interface Publication {
  /** The cache's entries, every one a brief of this build. */
  entries: Readonly<Record<string, CacheEntry>>;
  /** Source (relative) → the id it was loaded or found unchanged with this build. */
  seen: ReadonlyMap<string, string>;
  /** The manifest the out dir held before this build. */
  previous: Manifest | null;
  /** Whether a source (relative) is a brief of this build. */
  exists: (source: string) => boolean;
  shard?: (Shard & { fingerprint: string }) | undefined;
}

/** The manifest to write, and the previous entries whose outputs are stale. */
export function currentManifest({ entries, seen, previous, exists, shard }: Publication): { manifest: Manifest; stale: ManifestBrief[] } {
  const current = new Map<string, ManifestBrief>();
  for (const [source, entry] of Object.entries(entries)) {
    if (Object.keys(entry.outputs).length > 0 && (!seen.has(source) || seen.get(source) === entry.id)) current.set(entry.id, manifestEntry(entry));
  }
  const before = previous?.briefs ?? [];
  const stale = staleEntries(before, seen, exists);
  for (const entry of before) if (!current.has(entry.id) && !stale.includes(entry)) current.set(entry.id, entry);
  return { manifest: { ...createManifest(current.values()), ...(shard ? { shard } : {}) }, stale };
}
