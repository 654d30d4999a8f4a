/**
 * Cache entries: written to a temp file and renamed, so a reader sees the old entry or the new one
 * whole, but not fsync'd — an entry lost or torn in a crash fails its seal or schema and is rebuilt, and a
 * thousand fsyncs would cost a cold build seconds. The name is proven inside the cache folder first.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ownedPath, removeOwned } from './contained.js';
import { processAlive } from './process-alive.js';

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

/** A temp file `writeCacheFile` makes: `<name>.<pid>.<hex>.tmp`. */
const temporaryName = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes every file in `folder`/`sub` but the names in `keep`, and the temp files of writers
 * that are gone (a live one is still writing); returns how many went. A missing folder is empty.
 */
export async function pruneCacheFiles(folder: string, sub: string, keep: ReadonlySet<string>): Promise<number> {
  const names = await readdir(ownedPath(folder, sub)).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const writer = temporaryName.exec(name)?.[1];
    if (writer === undefined ? keep.has(name) : processAlive(Number(writer))) continue;
    await removeOwned(folder, `${sub}/${name}`);
    removed++;
  }
  return removed;
}
