/**
 * Between one-off builds in one process — a script or a test suite calling `buildBriefs` or
 * `checkBriefs` again and again — the last build's workers wait a moment for the next build
 * instead of each build starting its own: a worker's start (a process and the module load) is
 * most of a small build's cost. One idle pool at most, whose workers never keep the process
 * alive (worker-process.ts `hold`), closed when it is not taken within `lingerMs`.
 */
import { WorkerPool, type PoolOptions } from './worker-pool.js';
import { workerLimits } from './worker-limits.js';

const lingerMs = 2000;

let parked: { key: string; pool: WorkerPool; timer: NodeJS.Timeout } | undefined;

const keyOf = (size: number, options: PoolOptions) => JSON.stringify([size, workerLimits(options.limits), options.hook ?? null]);

/** The idle pool if it has this size and these options, else a new pool. */
export function takePool(size: number, options: PoolOptions): WorkerPool {
  const key = keyOf(size, options);
  if (parked?.key === key) {
    const { pool, timer } = parked;
    clearTimeout(timer);
    parked = undefined;
    return pool;
  }
  return new WorkerPool(size, options);
}

/** Leaves an idle `pool` for the next build (closing the one idle before it); closed after `lingerMs`. */
export function parkPool(pool: WorkerPool): void {
  if (parked) void parked.pool.close();
  const timer = setTimeout(() => {
    if (parked?.pool === pool) parked = undefined;
    void pool.close();
  }, lingerMs);
  timer.unref();
  parked = { key: keyOf(pool.size, pool.options), pool, timer };
}
