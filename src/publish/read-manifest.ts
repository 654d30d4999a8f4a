/**
 * Reading a manifest: CI restores out/ from caches and artefacts, so the file is untrusted data;
 * every entry is checked and an invalid one ignored with one line saying why.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { briefIdSchema } from '../model/schema.js';
import { formats, type Format } from '../render/formats.js';
import type { Manifest, ManifestBrief } from './manifest-types.js';

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

export function readText(path: string): string | null {
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
