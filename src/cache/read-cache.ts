/**
 * Reading the build cache: whatever is on disk may be missing, corrupt, foreign or tampered with,
 * and each of those must mean "rebuild", never a crash or a trusted lie.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Format } from '../render/formats.js';
import type { BuildCache, CacheEntry } from './cache-records.js';
import { cacheFileName, cacheVersion, inputSetSchema, type StoredCache, type StoredOutput, storedEntrySchema } from './stored-cache.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A cache read from disk, and how many of its entries were invalid and ignored. */
export interface ReadCache {
  cache: BuildCache;
  ignored: number;
}

/**
 * Reads the cache for `outDir`: anything unreadable or from another out dir gives an empty cache;
 * each entry is validated (the file is data restored by CI, not something to trust) and an
 * invalid one ignored, so its brief simply rebuilds.
 */
export function readCache(cacheDir: string, outDir: string): ReadCache {
  const empty = { cache: { version: cacheVersion, outDir, entries: {} }, ignored: 0 };
  let stored: Partial<StoredCache> | null;
  try {
    stored = JSON.parse(readFileSync(join(cacheDir, cacheFileName), 'utf8')) as Partial<StoredCache> | null;
  } catch {
    return empty;
  }
  if (stored?.version !== cacheVersion || stored.outDir !== outDir || !isObject(stored.entries) || !isObject(stored.inputs)) return empty;
  const inputs = stored.inputs;
  const entries: Record<string, CacheEntry> = {};
  const validSets = new Map<string, Record<string, string> | undefined>();
  const inputSet = (key: string) => {
    if (!validSets.has(key))
      validSets.set(key, Object.hasOwn(inputs, key) && inputSetSchema.safeParse(inputs[key]).success ? (inputs[key] as Record<string, string>) : undefined);
    return validSets.get(key);
  };
  let ignored = 0;
  for (const [source, value] of Object.entries(stored.entries)) {
    const parsed = storedEntrySchema.safeParse(value);
    if (!parsed.success || parsed.data.source !== source) {
      ignored++;
      continue;
    }
    const outputs: CacheEntry['outputs'] = {};
    for (const [format, record] of Object.entries(parsed.data.outputs) as Array<[Format, StoredOutput]>) {
      // Outputs sharing inputs share one object: TemplateInputs checks each object once.
      const set = inputSet(record.inputs);
      if (set) outputs[format] = { ...record, inputs: set };
    }
    entries[source] = { ...parsed.data, outputs };
  }
  return { cache: { version: cacheVersion, outDir, entries }, ignored };
}
