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
/** How long workers started ahead of a build (warmPool) wait for it: a build's planning can take seconds on a busy machine. */
const warmLingerMs = 30_000;

let parked: { key: string; pool: WorkerPool; timer: NodeJS.Timeout } | undefined;

// A worker's limits are fixed when it starts: only a pool started with the same ones is reused.
const keyOf = (options: PoolOptions) => JSON.stringify([workerLimits(options.limits), options.hook ?? null]);

/** The idle pool if it has these options (grown to `size` when smaller), else a new pool. */
export function takePool(size: number, options: PoolOptions): WorkerPool {
  if (parked?.key === keyOf(options)) {
    const { pool, timer } = parked;
    clearTimeout(timer);
    parked = undefined;
    pool.grow(size);
    return pool;
  }
  return new WorkerPool(size, options);
}

/** Leaves an idle `pool` for the next build (closing the one idle before it); closed after `linger` ms. */
export function parkPool(pool: WorkerPool, linger = lingerMs): void {
  if (parked) void parked.pool.close();
  const timer = setTimeout(() => {
    if (parked?.pool === pool) parked = undefined;
    void pool.close();
  }, linger);
  timer.unref();
  parked = { key: keyOf(pool.options), pool, timer };
}

/**
 * Starts `size` workers with these options ahead of the build that will take them (the CLI calls
 * this before loading the build's own modules, so the two loads run side by side). A build that
 * asks for other limits, or none that comes, leaves them to close after a while.
 */
export function warmPool(size: number, options: PoolOptions): WorkerPool {
  const pool = new WorkerPool(size, options);
  pool.warm();
  parkPool(pool, warmLingerMs);
  return pool;
}
