/**
 * `check` for untrusted briefs: every brief is read, parsed and validated on a worker process
 * under the time and memory limits (threads/worker-limits.ts), so a brief that makes the parser
 * spin or grow fails alone with a `resource-limit` error while the others are checked.
 * `loadBriefs` does the same work on the caller's thread, without those limits.
 */
import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import { findBriefs } from '../source/find.js';
import { DuplicateIds, loadBriefs, type LoadedBrief, type LoadOptions } from './load.js';
import type { BriefJob } from './brief-job.js';
import { parkPool, takePool } from './threads/idle-pool.js';
import { WorkerLimitError, type WorkerLimits } from './threads/worker-limits.js';
import { limitResult } from './threads/limit-result.js';

export interface CheckOptions extends LoadOptions {
  /** Workers, child processes (default: one, or cores − 1 for many briefs); 0 checks on this thread, without the time and memory limits. */
  threads?: number | undefined;
  /** Time and memory each brief may take (defaults in worker-limits.ts). */
  workerLimits?: Partial<WorkerLimits> | undefined;
  /** Tests only: see PoolOptions.hook. */
  workerHook?: string | undefined;
}

/** Loads every brief as `loadBriefs` does, each under the worker limits. */
export async function checkBriefs(options: CheckOptions = {}): Promise<LoadedBrief[]> {
  if (options.threads === 0) return loadBriefs(options);
  const cwd = options.cwd ?? process.cwd();
  const paths = await findBriefs(options.paths?.length ? options.paths : ['briefs'], cwd);
  if (paths.length === 0) return [];
  // A thread costs its module load: more than one only when there are briefs enough to share.
  const threads = options.threads ?? Math.max(1, Math.min(availableParallelism() - 1, Math.floor(paths.length / 8)));
  const pool = takePool(Math.min(threads, paths.length), { limits: options.workerLimits, hook: options.workerHook });
  const build = randomUUID();
  try {
    const jobs = paths.map(
      (path): BriefJob => ({ build, path, cwd, sourcesDir: options.sourcesDir, limits: options.limits, fields: options.fields, formats: [] }),
    );
    const results = await Promise.all(
      jobs.map((job) => pool.brief(job).catch((error: unknown) => (error instanceof WorkerLimitError ? limitResult(job, error) : Promise.reject(error)))),
    );
    const ids = new DuplicateIds();
    return results.map(({ id, idPlace, path, file, brief, quotes, quotesVerified }) => {
      const loaded: LoadedBrief = { path, file, brief, quotes, quotesVerified };
      ids.check(loaded, id, idPlace);
      return loaded;
    });
  } finally {
    if (pool.idle()) parkPool(pool);
    else await pool.close();
  }
}
