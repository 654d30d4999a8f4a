/**
 * The build cache (`out/.cache/build-cache.json`, or `--cache-dir`): for every brief, the hash of
 * its source, what it rendered and from which inputs. Read at the start of a build, written once
 * at the end; a missing, corrupt or foreign cache is simply empty (everything rebuilds).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Format } from './render-brief.js';
import { writeFileAtomic } from './write.js';

/** Bumped whenever the cache's meaning changes, so old caches are ignored. */
const cacheVersion = 1;
const fileName = 'build-cache.json';

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

/** Reads the cache for `outDir`; anything unreadable or from another out dir gives an empty cache. */
export async function readCache(cacheDir: string, outDir: string): Promise<BuildCache> {
  const empty: BuildCache = { version: cacheVersion, outDir, entries: {} };
  try {
    const cache = JSON.parse(await readFile(join(cacheDir, fileName), 'utf8')) as BuildCache;
    if (cache?.version !== cacheVersion || cache.outDir !== outDir || typeof cache.entries !== 'object' || cache.entries === null) return empty;
    return cache;
  } catch {
    return empty;
  }
}

/** Writes the cache atomically with its entries in source order (deterministic). */
export async function writeCache(cacheDir: string, cache: BuildCache): Promise<void> {
  const entries = Object.fromEntries(Object.entries(cache.entries).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)));
  await writeFileAtomic(join(cacheDir, fileName), `${JSON.stringify({ ...cache, entries }, null, 2)}\n`);
}
