/** Whether a cached output can stand: same options, same template inputs, same file on disk. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Format } from '../render/formats.js';
import type { CacheEntry, OutputRecord } from './cache.js';
import type { TemplateInputs } from './cache-inputs.js';
import { sha256 } from '../io/hash.js';

/**
 * The modification time of `record`'s file when the output can stand, else null: rendered with
 * `optionsKey` from templates that have not changed, and the file still what was written (size
 * and mtime; a different mtime, as after a cache restore, falls back to comparing the content
 * hash, and the caller may then remember the new mtime). A query: the record is not changed.
 * Sync: a stat per output of every brief, where awaiting each would cost more than the stat.
 */
export function freshOutputMtime(record: OutputRecord | undefined, optionsKey: string, inputs: TemplateInputs, outDir: string): number | null {
  if (!record || record.optionsKey !== optionsKey || !inputs.unchanged(record.inputs)) return null;
  const path = join(outDir, record.path);
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info?.isFile() || info.size !== record.bytes) return null;
    if (info.mtimeMs === record.mtimeMs) return info.mtimeMs;
    return sha256(readFileSync(path)) === record.sha256 ? info.mtimeMs : null;
  } catch {
    return null;
  }
}

/** The formats of a cache entry whose outputs can stand, each with its file's mtime now. */
export type FreshOutputs = Map<Format, number>;

export interface FreshnessCheck {
  formats: readonly Format[];
  /** The options key each format would be rendered with now. */
  optionsKey: (format: Format) => string;
  inputs: TemplateInputs;
  outDir: string;
}

/** The outputs of `entry` rendered from `sourceHash` that can stand: a query, it changes nothing. */
export function freshOutputs(entry: CacheEntry, sourceHash: string, check: FreshnessCheck): FreshOutputs {
  const fresh: FreshOutputs = new Map();
  for (const format of check.formats) {
    const record = entry.outputs[format];
    if (record?.sourceHash !== sourceHash) continue;
    const mtimeMs = freshOutputMtime(record, check.optionsKey(format), check.inputs, check.outDir);
    if (mtimeMs !== null) fresh.set(format, mtimeMs);
  }
  return fresh;
}

/**
 * Same content under a new mtime (a restored out dir): records the new mtime, rather than hash
 * the file every build. Returns whether any record changed.
 */
export function rememberMtimes(entry: CacheEntry, fresh: FreshOutputs): boolean {
  let changed = false;
  for (const [format, mtimeMs] of fresh) {
    const record = entry.outputs[format];
    if (!record || record.mtimeMs === mtimeMs) continue;
    record.mtimeMs = mtimeMs;
    changed = true;
  }
  return changed;
}
