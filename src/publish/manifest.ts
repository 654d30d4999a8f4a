/**
 * `out/manifest.json`: what a build published — every brief with its outputs' sizes and hashes,
 * source hash and build time, plus the tool version. Briefs in id order, outputs in format
 * order; only a brief's `builtAt` changes between builds, and only when it was rebuilt.
 */
import { join } from 'node:path';
import type { CacheEntry } from '../cache/cache.js';
import { writeOwned } from '../io/contained.js';
import { formats } from '../render/formats.js';
import { version } from '../version.js';
import type { Manifest, ManifestBrief } from './manifest-types.js';
import { readText } from './read-manifest.js';

export type { Manifest, ManifestBrief, ManifestOutput } from './manifest-types.js';
export { parseManifest, type ReadManifest, readManifest, readManifestSync } from './read-manifest.js';

export const manifestFileName = 'manifest.json';

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
