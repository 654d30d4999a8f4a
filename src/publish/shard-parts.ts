/**
 * The shards given to `merge`, read and checked: only every part 1..N of one build (one tool
 * version, one fingerprint), with no brief id published twice, may be merged — anything else
 * would publish a site no unsharded build makes.
 */
import { join } from 'node:path';
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { manifestFileName, type Manifest, type ManifestBrief, readManifestSync } from './manifest.js';

/** The shards are not one whole build: a usage error (exit 2). */
export class MergeError extends BriefsmithError {}

/** One shard's output folder and its manifest. */
export interface ShardPart {
  dir: string;
  manifest: Manifest & { shard: NonNullable<Manifest['shard']> };
}

/** Each shard's manifest; a folder that is not a shard's output is refused with what it is. */
export function readParts(dirs: readonly string[]): ShardPart[] {
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
export function checkWhole(parts: readonly ShardPart[]): void {
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
export function checkIds(parts: readonly ShardPart[]): Array<{ part: ShardPart; brief: ManifestBrief }> {
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
