/**
 * `briefsmith merge <shard dirs…> --out DIR`: the second half of a sharded build. It checks that
 * the shards are the whole of one build (every part 1..N once, one tool version, one fingerprint
 * of templates and options) and that no brief id was published by two of them, then copies every
 * output each manifest lists (checked against its recorded hash), and writes the one manifest,
 * index, feed and search data, exactly as an unsharded build of the same briefs would.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOwned } from '../io/contained.js';
import { sha256 } from '../io/hash.js';
import { acquireLock } from '../io/lock.js';
import { createManifest, type Manifest, manifestFileName, readManifestSync, writeManifest } from './manifest.js';
import { publish } from './publish.js';
import { readOutput, styleAssets } from './shard-files.js';
import { checkIds, checkWhole, readParts } from './shard-parts.js';
import { removeOutputs } from './stale.js';

export { MergeError } from './shard-parts.js';

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
