/**
 * The files `merge` takes from a shard's folder: only plain files its manifest names, each
 * checked against its recorded hash, because a shard's upload is untrusted data.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../io/hash.js';
import { assetsFolder, type SiteAsset } from '../render/site-assets.js';
import { manifestFileName, type ManifestBrief } from './manifest.js';
import { MergeError, type ShardPart } from './shard-parts.js';

/** An output path a manifest may name: a plain file in its folder, never a way out of it. */
const plainName = /^[A-Za-z0-9][\w.-]*$/;

export function readOutput(part: ShardPart, brief: ManifestBrief, output: ManifestBrief['outputs'][number]): Buffer {
  if (!plainName.test(output.path))
    throw new MergeError(`merge: ${part.dir}/${manifestFileName} lists an output outside the folder: ${JSON.stringify(output.path)}`);
  const path = join(part.dir, output.path);
  if (!existsSync(path))
    throw new MergeError(`merge: ${path} is missing (listed for ${brief.id} in ${part.dir}/${manifestFileName}): the shard's upload is incomplete`);
  // A link could publish any file of the merging machine under a brief's name.
  if (!lstatSync(path).isFile()) throw new MergeError(`merge: ${path} is not a plain file (a link?): refused`);
  const data = readFileSync(path);
  if (sha256(data) !== output.sha256)
    throw new MergeError(`merge: ${path} does not match the hash ${part.dir}/${manifestFileName} records for it: the file changed after its build`);
  return data;
}

/** The site assets the shards wrote (stylesheets, fonts), each once. */
export function styleAssets(parts: readonly ShardPart[]): SiteAsset[] {
  const assets = new Map<string, SiteAsset>();
  for (const part of parts) {
    const folder = join(part.dir, assetsFolder);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (plainName.test(name) && !assets.has(name) && lstatSync(join(folder, name)).isFile())
        assets.set(name, { path: `${assetsFolder}/${name}`, data: readFileSync(join(folder, name)) });
    }
  }
  return [...assets.values()];
}
