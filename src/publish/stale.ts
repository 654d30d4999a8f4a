/**
 * Clean-up of out/: outputs of briefs that no longer exist (as recorded in the previous manifest,
 * so nothing briefsmith did not write is ever touched), and temp files left by a killed build.
 */
import { processAlive } from '../io/process-alive.js';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { ownedPath, removeOwned } from '../io/contained.js';
import type { ManifestBrief } from './manifest.js';

/**
 * Previous manifest entries whose outputs are stale: the source file is gone (or, in a shard build, is
 * another shard's), or it now builds under another id. `builtIds` maps each source built (or found unchanged) now to its id.
 */
export function staleEntries(previous: readonly ManifestBrief[], builtIds: ReadonlyMap<string, string>, exists: (source: string) => boolean): ManifestBrief[] {
  return previous.filter((entry) => {
    const now = builtIds.get(entry.source);
    if (now !== undefined) return now !== entry.id;
    return !exists(entry.source);
  });
}

/**
 * Deletes the outputs of `entries`, except paths in `keep` (a current brief may have taken the
 * id). Only `<id>.<format>` files proven inside out/ are removed, whatever the manifest claims.
 */
export async function removeOutputs(outDir: string, entries: readonly ManifestBrief[], keep: ReadonlySet<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of entries) {
    for (const output of entry.outputs) {
      if (output.path !== `${entry.id}.${output.format}` || keep.has(output.path)) continue;
      let path: string;
      try {
        path = ownedPath(outDir, output.path);
      } catch {
        continue;
      }
      if (!existsSync(path)) continue;
      removed.push(await removeOwned(outDir, output.path));
    }
  }
  return removed;
}

const tempName = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temp files (`.<name>.<pid>.<hex>.tmp`) whose writing process is gone; only those of
 * `name` when given (a folder briefsmith does not own, like a `--cache-dir`).
 */
export async function removeOrphanTempFiles(directory: string, name?: string): Promise<void> {
  const names = await readdir(directory).catch(() => [] as string[]);
  for (const file of names) {
    if (name !== undefined && !file.startsWith(`.${name}.`)) continue;
    const pid = tempName.exec(file)?.[1];
    if (pid !== undefined && !processAlive(Number(pid))) await removeOwned(directory, file);
  }
}
