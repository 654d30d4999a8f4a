/**
 * Writing the build cache: deterministic (sorted) and atomic, with each set of template inputs
 * stored once, because every build reads the whole file.
 */
import { writeOwned } from '../io/contained.js';
import { sha256 } from '../io/hash.js';
import type { Format } from '../render/formats.js';
import type { BuildCache, OutputRecord } from './cache-records.js';
import { cacheFileName, cacheVersion, type StoredCache, type StoredEntry } from './stored-cache.js';

/** Writes the cache atomically with its entries in source order (deterministic). */
export async function writeCache(cacheDir: string, cache: BuildCache): Promise<void> {
  const inputs: Record<string, Record<string, string>> = {};
  const keys = new Map<Record<string, string>, string>();
  const keyOf = (set: Record<string, string>) => {
    let key = keys.get(set);
    if (key === undefined) {
      key = sha256(JSON.stringify(set)).slice(0, 16);
      inputs[key] = set;
      keys.set(set, key);
    }
    return key;
  };
  const entries: Record<string, StoredEntry> = {};
  for (const source of Object.keys(cache.entries).sort(byCodeUnit)) {
    const entry = cache.entries[source]!;
    const outputs: StoredEntry['outputs'] = {};
    for (const [format, record] of Object.entries(entry.outputs) as Array<[Format, OutputRecord]>)
      outputs[format] = { ...record, inputs: keyOf(record.inputs) };
    entries[source] = { ...entry, outputs };
  }
  const sorted = Object.fromEntries(
    Object.keys(inputs)
      .sort(byCodeUnit)
      .map((key) => [key, inputs[key]!]),
  );
  const stored: StoredCache = { version: cacheVersion, outDir: cache.outDir, inputs: sorted, entries };
  await writeOwned(cacheDir, cacheFileName, `${JSON.stringify(stored, null, 1)}\n`);
}

const byCodeUnit = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);
