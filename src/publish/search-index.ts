/**
 * The index page's offline search: a MiniSearch index of every published brief, built here and
 * written as a script under `assets/`, named by the hash of what it indexes. A script, not JSON:
 * a page opened from disk (file://) may not fetch a file, but may load a script from its folder.
 * The text comes from each brief's published model (`<id>.json`); a brief published without
 * JSON is found by its title, summary and keywords only. Each brief is indexed once and kept in
 * the build cache, so a rebuild indexes only the briefs that changed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CachedPart, searchEntries } from './search-entries.js';
import { SearchMerger } from './search-merge.js';
import { minisearchRoot, searchSetup } from './search-setup.js';
import type { Manifest } from './manifest.js';
import { sha256 } from '../io/hash.js';
import { assetsFolder, hashedAssetPath, type SiteAsset } from '../render/site-assets.js';

export { searchOptions } from './search-setup.js';

/** The global the search script assigns. */
export const searchGlobal = 'briefsmithSearchIndex';

/** What the search data of `manifest` depends on: the same key, the same file. */
export function searchKey(manifest: Manifest): string {
  return sha256(
    JSON.stringify([
      searchSetup().version,
      manifest.briefs.map((brief) => [
        brief.id,
        brief.title,
        brief.summary,
        brief.keywords,
        brief.outputs.find((output) => output.format === 'json')?.sha256 ?? null,
      ]),
    ]),
  );
}

/** The asset path the search data of `manifest` is written to. */
export function searchAssetPath(manifest: Manifest): string {
  return `${assetsFolder}/search.${searchKey(manifest).slice(0, 12)}.js`;
}

/**
 * Builds the search script for `manifest`: each brief's part of the index read `ahead` or from
 * `cacheDir` when it is there (see search-entries.ts), else from its model in `outDir`, merged in
 * manifest order.
 */
export async function buildSearchAsset(outDir: string, manifest: Manifest, cacheDir?: string, ahead?: ReadonlyMap<string, CachedPart>): Promise<SiteAsset> {
  const setup = searchSetup();
  const merger = new SearchMerger(setup.fields);
  let position = 0;
  for await (const entry of searchEntries(setup, outDir, manifest.briefs, cacheDir, ahead)) merger.add(manifest.briefs[position++]!.id, entry);
  // JSON is a JavaScript expression; `<` escaped so no `</script>` or comment can ever form.
  const escapeTags = (json: string) => json.replace(/</g, '\\u003c');
  const pieces = [utf8.encode(`globalThis.${searchGlobal}=`)];
  for (const chunk of merger.chunks(escapeTags)) pieces.push(utf8.encode(chunk));
  pieces.push(utf8.encode(';\n'));
  return { path: searchAssetPath(manifest), data: Buffer.concat(pieces) };
}

const utf8 = new TextEncoder();

/** The MiniSearch library as an asset, under a name that changes with its content. */
export async function searchLibraryAsset(): Promise<SiteAsset> {
  const data = await readFile(join(minisearchRoot(), 'dist', 'umd', 'index.js'));
  return { path: hashedAssetPath('minisearch', 'js', data), data };
}
