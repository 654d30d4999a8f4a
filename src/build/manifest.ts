/**
 * `out/manifest.json`: what a build published — every brief with its outputs' sizes and hashes,
 * source hash and build time, plus the tool version. Briefs in id order, outputs in format
 * order; only a brief's `builtAt` changes between builds, and only when it was rebuilt.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { version } from '../version.js';
import { formats, type Format } from './render-brief.js';
import type { CacheEntry } from './cache.js';
import { writeFileAtomic } from './write.js';

export const manifestFileName = 'manifest.json';

export interface ManifestOutput { format: Format; path: string; bytes: number; sha256: string }

export interface ManifestBrief {
  id: string;
  title: string;
  date: string;
  classification: string;
  /** The brief's source file, relative to the project. */
  source: string;
  sourceHash: string;
  builtAt: string;
  outputs: ManifestOutput[];
}

export interface Manifest {
  generator: 'briefsmith';
  version: string;
  briefs: ManifestBrief[];
}

/** The manifest entry for a cache entry. */
export function manifestEntry(entry: CacheEntry): ManifestBrief {
  const outputs = formats.flatMap((format) => {
    const record = entry.outputs[format];
    return record ? [{ format, path: record.path, bytes: record.bytes, sha256: record.sha256 }] : [];
  });
  return { id: entry.id, title: entry.title, date: entry.date, classification: entry.classification, source: entry.source, sourceHash: entry.sourceHash, builtAt: entry.builtAt, outputs };
}

/** A manifest of `briefs`, sorted by id. */
export function createManifest(briefs: Iterable<ManifestBrief>): Manifest {
  const sorted = [...briefs].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
  return { generator: 'briefsmith', version, briefs: sorted };
}

/** Reads `path` (a manifest file); null when missing or not a briefsmith manifest. */
export async function readManifest(path: string): Promise<Manifest | null> {
  return parseManifest(await readFile(path, 'utf8').catch(() => null));
}

/** `readManifest`, synchronously: a build reads one small file where an await costs more than the read. */
export function readManifestSync(path: string): Manifest | null {
  return parseManifest(readText(path));
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function parseManifest(text: string | null): Manifest | null {
  if (text === null) return null;
  try {
    const manifest = JSON.parse(text) as Manifest;
    return manifest?.generator === 'briefsmith' && Array.isArray(manifest.briefs) ? manifest : null;
  } catch {
    return null;
  }
}

/** Serialises a manifest exactly as written. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Writes `manifest` into `outDir` unless the file already holds exactly that. */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const path = join(outDir, manifestFileName);
  const text = serializeManifest(manifest);
  if (readText(path) !== text) await writeFileAtomic(path, text);
}
