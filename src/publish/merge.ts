/**
 * `briefsmith merge <shard dirs…> --out DIR`: the second half of a sharded build. It checks that
 * the shards are the whole of one build (every part 1..N once, one tool version, one fingerprint
 * of templates and options) and that no brief id was published by two of them, then copies every
 * output each manifest lists (checked against its recorded hash), and writes the one manifest,
 * index, feed and search data, exactly as an unsharded build of the same briefs would.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { assetsFolder, type SiteAsset } from '../render/site-assets.js';
import { createManifest, manifestFileName, readManifestSync, writeManifest, type Manifest, type ManifestBrief } from './manifest.js';
import { acquireLock } from '../io/lock.js';
import { publish } from './publish.js';
import { removeOutputs } from './stale.js';
import { sha256 } from '../io/hash.js';
import { writeOwned } from '../io/contained.js';

/** The shards are not one whole build: a usage error (exit 2). */
export class MergeError extends BriefsmithError {}

export interface MergeOptions {
  outDir: string;
  baseUrl?: string | undefined;
  lockTimeoutMs?: number | undefined;
}

export interface MergeResult {
  manifest: Manifest;
  copied: number;
  removed: string[];
}

interface ShardPart {
  dir: string;
  manifest: Manifest & { shard: NonNullable<Manifest['shard']> };
}

function readParts(dirs: readonly string[]): ShardPart[] {
  if (dirs.length === 0) throw new MergeError('merge: name the shard output folders to merge');
  return dirs.map((dir) => {
    const { manifest, problem } = readManifestSync(join(dir, manifestFileName));
    // A shard's manifest is all the merge knows of it: an entry it would have to skip is a brief lost.
    if (manifest && problem) throw new MergeError(`merge: ${dir}/${manifestFileName}: ${problem.replace(/; ignored$/, '')}: rebuild the shard`);
    if (!manifest) throw new MergeError(`merge: ${dir} has no briefsmith ${manifestFileName}: is it the --out of a \`briefsmith build --shard i/N\`?`);
    if (!manifest.shard) throw new MergeError(`merge: ${dir} is the output of an unsharded build; merge takes the outputs of \`build --shard i/N\``);
    return { dir, manifest: manifest as ShardPart['manifest'] };
  });
}

/** Refuses parts that are not exactly shards 1..N of one build. */
function checkWhole(parts: readonly ShardPart[]): void {
  const [first] = parts;
  const { count, fingerprint } = first!.manifest.shard;
  for (const part of parts) {
    const { shard, version } = part.manifest;
    if (version !== first!.manifest.version)
      throw new MergeError(
        `merge: ${part.dir} was built by briefsmith ${version}, ${first!.dir} by ${first!.manifest.version}: rebuild every shard with one version`,
      );
    if (shard.count !== count)
      throw new MergeError(
        `merge: ${part.dir} is shard ${shard.index}/${shard.count}, ${first!.dir} is shard ${first!.manifest.shard.index}/${count}: every shard must be of one build`,
      );
    if (shard.fingerprint !== fingerprint)
      throw new MergeError(
        `merge: ${part.dir} was built with other templates or options than ${first!.dir} (build fingerprints differ): rebuild every shard from one commit with the same flags`,
      );
  }
  const byIndex = new Map<number, string>();
  for (const part of parts) {
    const other = byIndex.get(part.manifest.shard.index);
    if (other) throw new MergeError(`merge: shard ${part.manifest.shard.index}/${count} is given twice (${other} and ${part.dir})`);
    byIndex.set(part.manifest.shard.index, part.dir);
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0)
    throw new MergeError(
      `merge: shard${missing.length === 1 ? '' : 's'} ${missing.map((index) => `${index}/${count}`).join(', ')} missing; got ${[...byIndex.keys()]
        .sort((a, b) => a - b)
        .map((index) => `${index}/${count}`)
        .join(', ')}`,
    );
}

/** Refuses an id published by two shards (two sources with one id), naming every such id. */
function checkIds(parts: readonly ShardPart[]): Array<{ part: ShardPart; brief: ManifestBrief }> {
  const seen = new Map<string, { part: ShardPart; brief: ManifestBrief }>();
  const clashes: string[] = [];
  for (const part of parts) {
    for (const brief of part.manifest.briefs) {
      const other = seen.get(brief.id);
      if (other)
        clashes.push(
          `\`${brief.id}\` in ${other.brief.source} (shard ${other.part.manifest.shard.index}) and ${brief.source} (shard ${part.manifest.shard.index})`,
        );
      else seen.set(brief.id, { part, brief });
    }
  }
  if (clashes.length > 0)
    throw new MergeError(`merge: brief id${clashes.length === 1 ? '' : 's'} published twice: ${clashes.join('; ')}. Give each brief its own id.`);
  return [...seen.values()];
}

/** An output path a manifest may name: a plain file in its folder, never a way out of it. */
const plainName = /^[A-Za-z0-9][\w.-]*$/;

function readOutput(part: ShardPart, brief: ManifestBrief, output: ManifestBrief['outputs'][number]): Buffer {
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
function styleAssets(parts: readonly ShardPart[]): SiteAsset[] {
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

/** Merges the shard outputs in `dirs` into `options.outDir`. */
export async function mergeShards(dirs: readonly string[], options: MergeOptions): Promise<MergeResult> {
  const parts = readParts(dirs);
  checkWhole(parts);
  const briefs = checkIds(parts);
  const lock = await acquireLock(options.outDir, options.lockTimeoutMs);
  try {
    const previous = readManifestSync(join(options.outDir, manifestFileName)).manifest;
    let copied = 0;
    for (const { part, brief } of briefs) {
      for (const output of brief.outputs) {
        const data = readOutput(part, brief, output);
        const target = join(options.outDir, output.path);
        if (existsSync(target) && sha256(readFileSync(target)) === output.sha256) continue;
        await writeOwned(options.outDir, output.path, data);
        copied++;
      }
    }
    const manifest = createManifest(briefs.map(({ brief }) => brief));
    const keep = new Set(manifest.briefs.flatMap((brief) => brief.outputs.map((output) => output.path)));
    const ids = new Set(manifest.briefs.map((brief) => brief.id));
    const removed = await removeOutputs(
      options.outDir,
      (previous?.briefs ?? []).filter((brief) => !ids.has(brief.id)),
      keep,
    );
    await writeManifest(options.outDir, manifest);
    await publish(options.outDir, manifest, { styleAssets: styleAssets(parts), baseUrl: options.baseUrl });
    return { manifest, copied, removed };
  } finally {
    await lock.release();
  }
}
