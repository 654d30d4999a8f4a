/**
 * One build per out dir at a time: a lock file created with `wx` (atomic create-or-fail) holding
 * the owner's pid. A second build waits for it, bounded, then fails with a clear message (exit 2).
 * A lock whose process is gone (a killed build) is stale and taken over.
 */
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { processAlive } from './process-alive.js';
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export const lockFileName = '.briefsmith.lock';

/** Another build holds the out dir for longer than we were willing to wait. */
export class LockTimeoutError extends BriefsmithError {
  constructor(
    readonly outDir: string,
    readonly owner: string,
    waitedMs: number,
  ) {
    super(
      `${outDir} is in use by another briefsmith build (${owner}); waited ${(waitedMs / 1000).toFixed(1)} s. Try again when it has finished, or remove ${join(outDir, lockFileName)} if no build is running.`,
    );
  }
}

export interface Lock {
  release(): Promise<void>;
}

const held = new Set<string>();
let exitHookInstalled = false;

/**
 * A build ended by process.exit (Ctrl-C handler) never reaches its `finally`; its locks are dropped
 * on exit. The hook is installed by the first lock taken, so importing this module does nothing.
 */
function holdUntilExit(path: string): void {
  held.add(path);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const lock of held) rmSync(lock, { force: true });
  });
}

/** The owner recorded in a lock file, and whether it is gone (a crashed or killed build). */
async function inspect(path: string): Promise<{ owner: string; stale: boolean; text: string }> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const [pid, host] = text.split('\n');
  const owner = `pid ${pid || '?'} on ${host || '?'}`;
  // A half-written lock (read between create and write) is not stale; a lock from another host cannot be checked.
  if (!pid || host !== hostname()) return { owner, stale: false, text };
  return { owner, stale: !processAlive(Number(pid)), text };
}

/** Takes the lock of `outDir`, waiting up to `timeoutMs` for another build to finish. */
export async function acquireLock(outDir: string, timeoutMs = 60_000): Promise<Lock> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, lockFileName);
  const started = Date.now();
  for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
    try {
      const handle = await open(path, 'wx');
      holdUntilExit(path);
      await handle.writeFile(`${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`);
      await handle.close();
      return {
        release: async () => {
          held.delete(path);
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const { owner, stale, text } = await inspect(path);
    if (stale) {
      // Re-read first: another waiter may already have replaced the stale lock with its own.
      if ((await readFile(path, 'utf8').catch(() => '')) === text) await rm(path, { force: true });
      continue;
    }
    const waited = Date.now() - started;
    // The message names the limit it waited for, not the clock: the same every run, however late the check came.
    if (waited >= timeoutMs) throw new LockTimeoutError(outDir, owner, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(1, timeoutMs - waited))));
  }
}
