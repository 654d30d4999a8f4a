/**
 * Starts the build's first worker process before the command loads the build's own modules: a
 * worker's start is a process and the same module load, and on its own it would only begin once
 * the build has loaded and planned. Both loads then run side by side on two cores.
 */
import { readFileSync } from 'node:fs';
import { findConfigFile } from '../config/config-file.js';
import type { ConfigLimits } from '../config/limits-setting.js';
import { warmPool } from '../engine/threads/idle-pool.js';
import { parseCount } from './flags.js';
import { limitOptions } from './limits.js';

/**
 * The numeric limits a JSON config sets, read without loading the schema that checks configs (the
 * build checks it; a worker started with other limits is simply not taken); null for a module config.
 */
function configLimits(): ConfigLimits | null {
  const path = findConfigFile();
  if (!path) return {};
  if (!path.endsWith('.json')) return null;
  const { limits } = JSON.parse(readFileSync(path, 'utf8')) as { limits?: Record<string, unknown> };
  return Object.fromEntries(Object.entries(limits ?? {}).filter(([, value]) => typeof value === 'number')) as ConfigLimits;
}

/** Warms one worker with the limits the command will ask for; anything odd is left for the command itself to report. */
export async function warmWorkers(flags: Record<string, unknown>): Promise<void> {
  try {
    if (parseCount('threads', flags.threads, 0) === 0) return;
    const limits = configLimits() ?? (await (await import('./project-config.js')).projectConfig()).limits;
    warmPool(1, { limits: limitOptions(flags, { limits }).workerLimits });
  } catch {
    // A bad flag or config: the command reports it in its own words (exit 2).
  }
}
