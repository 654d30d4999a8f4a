/**
 * The end of a build: the manifest of what it publishes, the outputs of briefs that are gone
 * removed, then the cache, the manifest and the index (or a shard's part) written side by side.
 */
import { currentManifest, type Publication } from '../publish/current-manifest.js';
import { writeManifest, type Manifest } from '../publish/manifest.js';
import { publish, writeAssets } from '../publish/publish.js';
import type { CachedPart } from '../publish/search-entries.js';
import { removeOutputs } from '../publish/stale.js';
import type { IncrementalOptions } from './incremental-options.js';

export interface FinishedBuild extends Omit<Publication, 'shard'> {
  /** Writes the cache when it changed (nothing otherwise). */
  writeCache: () => Promise<void> | undefined;
  /** The cache folder, which keeps each brief's part of the search data between builds. */
  cacheDir: string;
  /** The parts of the search data read while the briefs were built, if that was started. */
  searchAhead?: Promise<ReadonlyMap<string, CachedPart>> | undefined;
}

/** Publishes the build; returns the stale outputs removed and the manifest written. */
export async function publishBuild(options: IncrementalOptions, finished: FinishedBuild): Promise<{ removed: string[]; manifest: Manifest }> {
  const { outDir, shard } = options;
  const { manifest, stale } = currentManifest({ ...finished, shard });
  const keep = new Set(manifest.briefs.flatMap((entry) => entry.outputs.map((output) => output.path)));
  const removed = await removeOutputs(outDir, stale, keep);
  // Loaded for a site only: the stylesheet is put together by the renderer's modules.
  const styleAssets = options.site ? (await import('../publish/style-assets.js')).siteStyleAssets(options) : [];
  // Each file fsync'd: written side by side, the waits overlap.
  await Promise.all([
    finished.writeCache(),
    writeManifest(outDir, manifest),
    // A shard writes its part; the merge publishes the whole once.
    shard
      ? writeAssets(outDir, styleAssets)
      : publish(outDir, manifest, { styleAssets, baseUrl: options.baseUrl, cacheDir: finished.cacheDir, searchAhead: await finished.searchAhead }),
  ]);
  return { removed, manifest };
}
