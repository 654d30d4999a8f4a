/**
 * Starts the build's first worker process before the command loads the build's own modules: a
 * worker's start is a process and the same module load, and on its own it would only begin once
 * the build has loaded and planned. Both loads then run side by side on two cores.
 */
import { warmPool } from '../engine/threads/idle-pool.js';
import { parseCount } from './flags.js';
import { limitOptions } from './limits.js';
import { projectConfig } from './project-config.js';

/** Warms one worker with the limits the command will ask for; anything odd is left for the command itself to report. */
export async function warmWorkers(flags: Record<string, unknown>): Promise<void> {
  try {
    if (parseCount('threads', flags.threads, 0) === 0) return;
    warmPool(1, { limits: limitOptions(flags, await projectConfig()).workerLimits });
  } catch {
    // A bad flag or config: the command reports it in its own words (exit 2).
  }
}
