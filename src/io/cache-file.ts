/**
 * Cache entries: written to a temp file and renamed, so a reader sees the old entry or the new one
 * whole, but not fsync'd — an entry lost or torn in a crash fails its schema and is rebuilt, and a
 * thousand fsyncs would cost a cold build seconds. The name is proven inside the cache folder first.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ownedPath } from './contained.js';

/** Writes `data` as `name` in `folder` (its sub-folder made when missing). */
export async function writeCacheFile(folder: string, name: string, data: string): Promise<void> {
  const target = ownedPath(folder, name);
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data);
  } catch {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temporary, data);
  }
  await rename(temporary, target);
}
