/**
 * The build cache (`out/.cache/build-cache.json`, or `--cache-dir`): for every brief, the hash of
 * its source, what it rendered and from which inputs. Read at the start of a build, written at
 * the end when anything in it changed; a missing, corrupt or foreign cache is simply empty
 * (everything rebuilds). Every build reads it whole, so it is kept small: the template inputs,
 * the same for most outputs of a format, are stored once and referred to by hash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { briefIdSchema } from '../model/schema.js';
import { formats } from '../render/formats.js';
import { sha256 } from '../io/hash.js';
import type { Format } from '../render/formats.js';
import { writeOwned } from '../io/contained.js';

/** Bumped whenever the cache's meaning changes, so old caches are ignored. */
const cacheVersion = 3;
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
  /** What the index, the feed and the search show (see ManifestBrief). */
  summary?: string | undefined;
  keywords?: string[] | undefined;
  authors?: string[] | undefined;
  changes?: { since: string; summary: string } | null | undefined;
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

const storedOutputSchema = z.object({
  path: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  mtimeMs: z.number(),
  sourceHash: z.string(),
  optionsKey: z.string(),
  inputs: z.string(),
});
/** An entry names only its own `<id>.<format>` outputs, under its own source: the build reads and replaces what it lists. */
const storedEntrySchema = z
  .object({
    source: z.string(),
    sourceHash: z.string(),
    sourceStamp: z.array(z.string()).nullable().optional(),
    id: briefIdSchema,
    title: z.string(),
    date: z.string(),
    classification: z.string(),
    builtAt: z.iso.datetime(),
    summary: z.string().optional(),
    keywords: z.array(z.string()).optional(),
    authors: z.array(z.string()).optional(),
    changes: z.object({ since: z.string(), summary: z.string() }).nullable().optional(),
    outputs: z.partialRecord(z.enum(formats as [Format, ...Format[]]), storedOutputSchema),
  })
  .refine((entry) => Object.entries(entry.outputs).every(([format, record]) => record?.path === `${entry.id}.${format}`));
const inputSetSchema = z.record(z.string(), z.string());

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
