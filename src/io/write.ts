/**
 * Atomic output: each file is written to a temp file in the same directory and renamed over the
 * old one, so a reader (or an interrupted build) only ever sees the old or the new file whole.
 * Temp files in flight are tracked so a signal handler can remove them.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const inFlight = new Set<string>();

/** Temp files not yet renamed into place (for clean-up on SIGINT/SIGTERM). */
export function pendingTempFiles(): string[] {
  return [...inFlight];
}

/** A temp file already written and fsync'd for `path` (by a worker, `stageFile`), to go into place with the others. */
export interface StagedFile {
  path: string;
  temporary: string;
}

/** The temp file a writer of `path` uses: beside it, named after it and the writing process. */
const temporaryFor = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** Whether `temporary` is a temp file of `path` as `temporaryFor` names them (whichever process wrote it). */
export function isTemporaryOf(path: string, temporary: string): boolean {
  const name = basename(temporary);
  const prefix = `.${basename(path)}.`;
  return dirname(temporary) === dirname(path) && name.startsWith(prefix) && /^\d+\.[0-9a-f]{8}\.tmp$/.test(name.slice(prefix.length));
}

/**
 * Writes `data` to a temp file for `path` at once, and fsyncs it in the background (`synced`
 * settles then, with the temp file closed): a worker goes on with its next brief meanwhile. The
 * build renames it with the brief's other outputs (`writeFilesAtomic`) or removes it
 * (`discardStaged`); a worker gone before then leaves it for the next build's sweep of temp
 * files whose process is gone (publish/stale.ts).
 */
export function stageFile(path: string, data: Uint8Array): StagedFile & { synced: Promise<void> } {
  const temporary = temporaryFor(path);
  let descriptor: number;
  try {
    descriptor = openSync(temporary, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw named(error, path);
    mkdirSync(dirname(path), { recursive: true });
    descriptor = openSync(temporary, 'wx', 0o644);
  }
  try {
    for (let written = 0; written < data.byteLength; ) written += writeSync(descriptor, data, written);
  } catch (error) {
    closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw named(error, path);
  }
  // Closed at once when synced: a second trip through the thread pool costs more than the close.
  const synced = new Promise<void>((resolve, reject) =>
    fsync(descriptor, (problem) => {
      let failure: unknown = problem;
      try {
        closeSync(descriptor);
      } catch (closing) {
        failure ??= closing;
      }
      return failure ? reject(named(failure, path)) : resolve();
    }),
  );
  return { path, temporary, synced };
}

/** Counts temp files staged by a worker as this process's own, until renamed or discarded (a signal then removes them too). */
export function adoptStaged(temporaries: readonly string[]): void {
  for (const temporary of temporaries) inFlight.add(temporary);
}

/** Removes those of the staged temp files that were not renamed into place (a brief not written after all, or formats not due). */
export async function discardStaged(temporaries: readonly string[]): Promise<void> {
  for (const temporary of temporaries) if (inFlight.delete(temporary)) await rm(temporary, { force: true });
}

/** Writes `data` to `path` atomically (fsync, then rename). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ path, data }]);
}

/**
 * Writes several files as one change: every temp file is written and fsync'd first, and only
 * when all of them are on disk are they renamed into place. A failure on the way (a full disk)
 * leaves every old file as it was, so a brief never ends up with new HTML beside an old PDF.
 * Errors name the file being written (a failed `write` carries no path of its own). `ready`:
 * temp files already written and fsync'd (`stageFile`), renamed and cleaned up with the others.
 */
export async function writeFilesAtomic(files: ReadonlyArray<{ path: string; data: string | Uint8Array }>, ready: readonly StagedFile[] = []): Promise<void> {
  const staged: StagedFile[] = [...ready];
  adoptStaged(ready.map(({ temporary }) => temporary));
  try {
    for (const { path, data } of files) {
      const directory = dirname(path);
      const temporary = temporaryFor(path);
      inFlight.add(temporary);
      staged.push({ path, temporary });
      await writeTemporary(temporary, directory, data).catch((error: unknown) => {
        throw named(error, path);
      });
    }
    for (const { path, temporary } of staged)
      await rename(temporary, path).catch((error: unknown) => {
        throw named(error, path);
      });
  } catch (error) {
    for (const { temporary } of staged) await rm(temporary, { force: true });
    throw error;
  } finally {
    for (const { temporary } of staged) inFlight.delete(temporary);
  }
}

async function writeTemporary(temporary: string, directory: string, data: string | Uint8Array): Promise<void> {
  const handle = await openNew(temporary, directory);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `error` with the output's path when it has none (or only the temp file's). */
function named(error: unknown, path: string): unknown {
  if (error && typeof error === 'object' && 'code' in error) {
    const problem = error as NodeJS.ErrnoException & { dest?: string };
    if (problem.syscall !== 'mkdir') problem.path = path;
    delete problem.dest;
  }
  return error;
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
