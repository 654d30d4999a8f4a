/**
 * The build cache (`out/.cache/build-cache.json`, or `--cache-dir`): for every brief, the hash of
 * its source, what it rendered and from which inputs. Read at the start of a build, written at
 * the end when anything in it changed; a missing, corrupt or foreign cache is simply empty
 * (everything rebuilds). Every build reads it whole, so it is kept small: the template inputs,
 * the same for most outputs of a format, are stored once and referred to by hash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './hash.js';
import type { Format } from './render-brief.js';
import { writeFileAtomic } from './write.js';

/** Bumped whenever the cache's meaning changes, so old caches are ignored. */
const cacheVersion = 2;
export const cacheFileName = 'build-cache.json';

/** One written output and the inputs it was rendered from. */
export interface OutputRecord {
  /** File name inside the out dir. */
  path: string;
  bytes: number;
  sha256: string;
  /** Modification time after writing: a cheap "was it touched on disk" check. */
  mtimeMs: number;
  /** The brief source it was rendered from. */
  sourceHash: string;
  /** Hash of the render options (tool version, format, fonts, paper, `--since` input). */
  optionsKey: string;
  /** Template-relative name → sha256 of every template file the render used. */
  inputs: Record<string, string>;
}

/** What the cache knows about one brief, keyed by its source path (relative to the project). */
export interface CacheEntry {
  source: string;
  sourceHash: string;
  /** The stat of the source and of the files it references when `sourceHash` was taken: while it matches, the hash stands. */
  sourceStamp?: string[] | null | undefined;
  id: string;
  title: string;
  date: string;
  classification: string;
  /** When any output of this brief was last rendered (ISO 8601). */
  builtAt: string;
  outputs: Partial<Record<Format, OutputRecord>>;
}

export interface BuildCache {
  version: number;
  /** The out dir this cache describes: a cache dir shared between out dirs must not mix them. */
  outDir: string;
  entries: Record<string, CacheEntry>;
}

type StoredOutput = Omit<OutputRecord, 'inputs'> & { inputs: string };
type StoredEntry = Omit<CacheEntry, 'outputs'> & { outputs: Partial<Record<Format, StoredOutput>> };

/** The cache file: output records name their template inputs by a key into `inputs`. */
interface StoredCache {
  version: number;
  outDir: string;
  inputs: Record<string, Record<string, string>>;
  entries: Record<string, StoredEntry>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Reads the cache for `outDir`; anything unreadable or from another out dir gives an empty cache. */
export function readCache(cacheDir: string, outDir: string): BuildCache {
  const empty: BuildCache = { version: cacheVersion, outDir, entries: {} };
  try {
    const stored = JSON.parse(readFileSync(join(cacheDir, cacheFileName), 'utf8')) as StoredCache;
    if (stored?.version !== cacheVersion || stored.outDir !== outDir || !isObject(stored.entries) || !isObject(stored.inputs)) return empty;
    const entries: Record<string, CacheEntry> = {};
    for (const [source, entry] of Object.entries(stored.entries)) {
      if (!isObject(entry) || !isObject(entry.outputs)) continue;
      const outputs: CacheEntry['outputs'] = {};
      for (const [format, record] of Object.entries(entry.outputs) as Array<[Format, StoredOutput]>) {
        // Outputs sharing inputs share one object: TemplateInputs checks each object once.
        const inputs = isObject(record) ? stored.inputs[record.inputs] : undefined;
        if (isObject(inputs)) outputs[format] = { ...record, inputs };
      }
      entries[source] = { ...entry, outputs };
    }
    return { version: cacheVersion, outDir, entries };
  } catch {
    return empty;
  }
}

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
    for (const [format, record] of Object.entries(entry.outputs) as Array<[Format, OutputRecord]>) outputs[format] = { ...record, inputs: keyOf(record.inputs) };
    entries[source] = { ...entry, outputs };
  }
  const sorted = Object.fromEntries(Object.keys(inputs).sort(byCodeUnit).map((key) => [key, inputs[key]!]));
  const stored: StoredCache = { version: cacheVersion, outDir: cache.outDir, inputs: sorted, entries };
  await writeFileAtomic(join(cacheDir, cacheFileName), `${JSON.stringify(stored, null, 1)}\n`);
}

const byCodeUnit = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);
