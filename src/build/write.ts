/**
 * Atomic output: each file is written to a temp file in the same directory and renamed over the
 * old one, so a reader (or an interrupted build) only ever sees the old or the new file whole.
 * Temp files in flight are tracked so a signal handler can remove them.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const inFlight = new Set<string>();

/** Temp files not yet renamed into place (for clean-up on SIGINT/SIGTERM). */
export function pendingTempFiles(): string[] {
  return [...inFlight];
}

/** Writes `data` to `path` atomically (fsync, then rename). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  inFlight.add(temporary);
  try {
    const handle = await openNew(temporary, directory);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    inFlight.delete(temporary);
  }
}

/** Opens a new file, creating its folder only when missing: one `mkdir` a file cost ~0.6 ms in a 1000-brief build. */
async function openNew(path: string, directory: string): Promise<FileHandle> {
  try {
    return await open(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(directory, { recursive: true });
    return await open(path, 'wx', 0o644);
  }
}

/** The text of `path`, or null when it cannot be read: what a writer compares with before rewriting a file. */
export function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
