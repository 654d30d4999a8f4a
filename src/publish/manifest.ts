/**
 * `out/manifest.json`: what a build published — every brief with its outputs' sizes and hashes,
 * source hash and build time, plus the tool version. Briefs in id order, outputs in format
 * order; only a brief's `builtAt` changes between builds, and only when it was rebuilt.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { briefIdSchema } from '../model/schema.js';
import { version } from '../version.js';
import { formats, type Format } from '../render/formats.js';
import type { CacheEntry } from '../cache/cache.js';
import { writeOwned } from '../io/contained.js';

export const manifestFileName = 'manifest.json';

export interface ManifestOutput {
  format: Format;
  path: string;
  bytes: number;
  sha256: string;
}

export interface ManifestBrief {
  id: string;
  title: string;
  date: string;
  classification: string;
  /** The bottom line as plain text (no citations, no Markdown). */
  summary: string;
  keywords: string[];
  authors: string[];
  /** What changed since the previous publication (`build --since`), as the build printed it; null without one. */
  changes: { since: string; summary: string } | null;
  /** The brief's source file, relative to the project. */
  source: string;
  sourceHash: string;
  builtAt: string;
  outputs: ManifestOutput[];
}

export interface Manifest {
  generator: 'briefsmith';
  version: string;
  /** Only in a shard's manifest fragment (`build --shard i/N`): which part, and what every part of one build shares. */
  shard?: { index: number; count: number; fingerprint: string } | undefined;
  briefs: ManifestBrief[];
}

/** The manifest entry for a cache entry. */
export function manifestEntry(entry: CacheEntry): ManifestBrief {
  const outputs = formats.flatMap((format) => {
    const record = entry.outputs[format];
    return record ? [{ format, path: record.path, bytes: record.bytes, sha256: record.sha256 }] : [];
  });
  return {
    id: entry.id,
    title: entry.title,
    date: entry.date,
    classification: entry.classification,
    summary: entry.summary ?? '',
    keywords: entry.keywords ?? [],
    authors: entry.authors ?? [],
    changes: entry.changes ?? null,
    source: entry.source,
    sourceHash: entry.sourceHash,
    builtAt: entry.builtAt,
    outputs,
  };
}

/** A manifest of `briefs`, sorted by id. */
export function createManifest(briefs: Iterable<ManifestBrief>): Manifest {
  const sorted = [...briefs].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
  return { generator: 'briefsmith', version, briefs: sorted };
}

/** A manifest read from disk: the valid entries, and why the others (or the whole file) were ignored. */
export interface ReadManifest {
  manifest: Manifest | null;
  /** One line saying what was ignored, or null when everything was valid (or the file is missing). */
  problem: string | null;
}

const outputSchema = z.object({
  format: z.enum(formats as [Format, ...Format[]]),
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
});
/** An entry may only name its own `<id>.<format>` files: the clean-up deletes what it lists. */
const briefEntrySchema = z
  .looseObject({
    id: briefIdSchema,
    title: z.string(),
    date: z.string(),
    classification: z.string(),
    // What the index and feed show; a manifest from before they were recorded has none.
    summary: z.string().default(''),
    keywords: z.array(z.string()).default([]),
    authors: z.array(z.string()).default([]),
    changes: z.object({ since: z.string(), summary: z.string() }).nullable().default(null),
    source: z.string(),
    sourceHash: z.string(),
    builtAt: z.iso.datetime(),
    outputs: z.array(outputSchema),
  })
  .refine((entry) => entry.outputs.every((output) => output.path === `${entry.id}.${output.format}`), 'an output path other than `<id>.<format>`');

const shardSchema = z
  .object({ index: z.number().int().min(1), count: z.number().int().min(1), fingerprint: z.string() })
  .refine((shard) => shard.index <= shard.count)
  .optional();

/** Reads `path` (a manifest file); a missing file is `manifest: null` without a problem. */
export async function readManifest(path: string): Promise<ReadManifest> {
  return parseManifest(await readFile(path, 'utf8').catch(() => null));
}

/** `readManifest`, synchronously: a build reads one small file where an await costs more than the read. */
export function readManifestSync(path: string): ReadManifest {
  return parseManifest(readText(path));
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Validates every entry: CI restores out/ from caches and artefacts, so the file is untrusted data. */
export function parseManifest(text: string | null): ReadManifest {
  if (text === null) return { manifest: null, problem: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { manifest: null, problem: 'it is not valid JSON; ignored' };
  }
  const top = data as Partial<Manifest> | null;
  if (top?.generator !== 'briefsmith' || !Array.isArray(top.briefs)) return { manifest: null, problem: 'it is not a briefsmith manifest; ignored' };
  const briefs: ManifestBrief[] = [];
  let ignored = 0;
  for (const entry of top.briefs as unknown[]) {
    const parsed = briefEntrySchema.safeParse(entry);
    if (parsed.success) briefs.push(parsed.data);
    else ignored++;
  }
  const problem =
    ignored === 0
      ? null
      : `${ignored} invalid entr${ignored === 1 ? 'y' : 'ies'} ignored (an id that is not a brief id, an output that is not \`<id>.<format>\`, or a missing field)`;
  const shard = shardSchema.safeParse(top.shard);
  const manifest: Manifest = {
    generator: 'briefsmith',
    version: typeof top.version === 'string' ? top.version : '',
    ...(shard.success && shard.data ? { shard: shard.data } : {}),
    briefs,
  };
  return { manifest, problem: problem ?? (shard.success ? null : 'its `shard` field is not {index, count, fingerprint}; ignored') };
}

/** Serialises a manifest exactly as written. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Writes `manifest` into `outDir` unless the file already holds exactly that. */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const path = join(outDir, manifestFileName);
  const text = serializeManifest(manifest);
  if (readText(path) !== text) await writeOwned(outDir, manifestFileName, text);
}
