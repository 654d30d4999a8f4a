/**
 * What a whole publication gets once, after its briefs: the index page, the Atom feed, the search
 * data and the assets they and (in site mode) the brief pages link. Assets are named by their
 * content, so one already on disk is kept as it is; any other file in `assets/` is from an older
 * publication and is removed. A build writes this at its end; `briefsmith merge` writes it once
 * for all the shards it merges.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { assetsFolder, type SiteAsset } from '../render/site-assets.js';
import type { Manifest } from './manifest.js';
import { writeIndexPage } from './index-page.js';
import { feedFileName, renderFeed } from './feed.js';
import { buildSearchAsset, searchAssetPath, searchLibraryAsset } from './search-index.js';
import type { CachedPart } from './search-entries.js';
import { readTextOrNull } from '../io/read-text.js';
import { removeOwned, writeOwned } from '../io/contained.js';

export interface PublishOptions {
  /** Stylesheets and fonts the brief pages link (site mode); empty for standalone pages. */
  styleAssets: readonly SiteAsset[];
  /** Absolute URL of the published folder, for the feed's links. */
  baseUrl?: string | undefined;
  /** The build cache, which keeps each brief's part of the search index between builds. */
  cacheDir?: string | undefined;
  /** Parts of the search index read from the cache while the build ran (see readPartsAhead). */
  searchAhead?: ReadonlyMap<string, CachedPart> | undefined;
}

/** Writes `assets` that are not on disk yet (same name, same size: same content). */
export async function writeAssets(outDir: string, assets: readonly SiteAsset[]): Promise<void> {
  if (assets.length > 0) await mkdir(join(outDir, assetsFolder), { recursive: true });
  for (const asset of assets) {
    const path = join(outDir, asset.path);
    if (!existsSync(path) || statSync(path).size !== asset.data.byteLength) await writeOwned(outDir, asset.path, asset.data);
  }
}

/** Removes files in `assets/` that are not in `keep` (paths relative to the out dir). */
async function pruneAssets(outDir: string, keep: ReadonlySet<string>): Promise<void> {
  const folder = join(outDir, assetsFolder);
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    if (!keep.has(`${assetsFolder}/${name}`)) await removeOwned(outDir, `${assetsFolder}/${name}`);
  }
}

/** Writes the index, feed, search data and assets of `manifest` into `outDir`. */
export async function publish(outDir: string, manifest: Manifest, options: PublishOptions): Promise<void> {
  const library = await searchLibraryAsset();
  const searchPath = searchAssetPath(manifest);
  // Reading every brief's model again is the costly part: skipped when the same data is there.
  const search = existsSync(join(outDir, searchPath)) ? null : await buildSearchAsset(outDir, manifest, options.cacheDir, options.searchAhead);
  await writeAssets(outDir, [library, ...(search ? [search] : []), ...options.styleAssets]);
  await pruneAssets(outDir, new Set([library.path, searchPath, ...options.styleAssets.map((asset) => asset.path)]));
  const feed = renderFeed(manifest, { baseUrl: options.baseUrl });
  const feedPath = join(outDir, feedFileName);
  await Promise.all([
    writeIndexPage(outDir, manifest, { searchLibrary: library.path, searchIndex: searchPath }),
    readTextOrNull(feedPath) === feed ? undefined : writeOwned(outDir, feedFileName, feed),
  ]);
}
