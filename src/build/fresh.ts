/** Whether a cached output can stand: same options, same template inputs, same file on disk. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputRecord } from './cache.js';
import type { TemplateInputs } from './cache-inputs.js';
import { sha256 } from './hash.js';

/**
 * True when `record` was rendered with `optionsKey` from templates that have not changed, and the
 * file is still what was written (size and mtime; a different mtime, as after a cache restore,
 * falls back to comparing the content hash).
 */
export async function isOutputFresh(record: OutputRecord | undefined, optionsKey: string, inputs: TemplateInputs, outDir: string): Promise<boolean> {
  if (!record || record.optionsKey !== optionsKey || !inputs.unchanged(record.inputs)) return false;
  const path = join(outDir, record.path);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile() || info.size !== record.bytes) return false;
  if (info.mtimeMs === record.mtimeMs) return true;
  const data = await readFile(path).catch(() => null);
  if (data === null || sha256(data) !== record.sha256) return false;
  record.mtimeMs = info.mtimeMs;
  return true;
}
