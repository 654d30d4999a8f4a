/**
 * The cache file's own shape and its schemas: the file is data restored by CI, so every entry
 * is checked against these before the build trusts it, and template inputs are stored once by key.
 */
import { z } from 'zod';
import { briefIdSchema } from '../model/schema.js';
import { formats, type Format } from '../render/formats.js';
import type { CacheEntry, OutputRecord } from './cache-records.js';

/** Bumped whenever the cache's meaning changes, so old caches are ignored. */
export const cacheVersion = 3;
export const cacheFileName = 'build-cache.json';

export type StoredOutput = Omit<OutputRecord, 'inputs'> & { inputs: string };
export type StoredEntry = Omit<CacheEntry, 'outputs'> & { outputs: Partial<Record<Format, StoredOutput>> };

/** The cache file: output records name their template inputs by a key into `inputs`. */
export interface StoredCache {
  version: number;
  outDir: string;
  inputs: Record<string, Record<string, string>>;
  entries: Record<string, StoredEntry>;
}

export const storedOutputSchema = z.object({
  path: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  mtimeMs: z.number(),
  sourceHash: z.string(),
  optionsKey: z.string(),
  inputs: z.string(),
});
/** An entry names only its own `<id>.<format>` outputs, under its own source: the build reads and replaces what it lists. */
export const storedEntrySchema = z
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
export const inputSetSchema = z.record(z.string(), z.string());
