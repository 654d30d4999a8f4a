/** Whether a cached output can stand: same options, same template inputs, same file on disk. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputRecord } from './cache.js';
import type { TemplateInputs } from './cache-inputs.js';
import { sha256 } from '../io/hash.js';

/**
 * True when `record` was rendered with `optionsKey` from templates that have not changed, and the
 * file is still what was written (size and mtime; a different mtime, as after a cache restore,
 * falls back to comparing the content hash, and then updates `record.mtimeMs`). Sync: a stat per
 * output of every brief, where awaiting each would cost more than the stat.
 */
export function isOutputFresh(record: OutputRecord | undefined, optionsKey: string, inputs: TemplateInputs, outDir: string): boolean {
  if (!record || record.optionsKey !== optionsKey || !inputs.unchanged(record.inputs)) return false;
  const path = join(outDir, record.path);
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info?.isFile() || info.size !== record.bytes) return false;
    if (info.mtimeMs === record.mtimeMs) return true;
    if (sha256(readFileSync(path)) !== record.sha256) return false;
    record.mtimeMs = info.mtimeMs;
    return true;
  } catch {
    return false;
  }
}
