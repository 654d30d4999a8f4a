/** How much of a build runs at once: workers, briefs in flight, and the loops that carry them. */
import { availableParallelism } from 'node:os';
import type { Format } from '../render/formats.js';
import type { BuildOptions } from './build-options.js';

/**
 * Workers for loading and rendering. At least one: its time and memory limits are what stop a
 * brief that spins or grows, and starting it (a process and the module load) overlaps the
 * build's planning and Chromium's launch. More only where they pay, measured on 2 vCPUs
 * (bench/README.md): without PDFs, two built 1000 briefs 1.1–2× faster but 300 small ones no
 * faster; with PDFs, Chromium needs the cores. From 4 cores, one per core but one. `threads: 0`
 * keeps every brief on the build's own thread, without the limits.
 */
export function threadCount(options: BuildOptions, briefs: number, pdf: boolean): number {
  if (options.threads !== undefined) return Math.max(0, Math.min(options.threads, briefs));
  const cores = availableParallelism();
  if (cores >= 4 && briefs >= 8) return Math.min(cores - 1, briefs);
  return !pdf && cores >= 2 && briefs >= 500 ? Math.min(cores, briefs) : Math.min(1, briefs);
}

/**
 * Briefs in flight at once. With PDFs, enough to keep every browser page and every thread busy;
 * without, more than the cores so that file writes (each fsync'd) overlap the rendering.
 */
export function loopCount(options: BuildOptions, threads: number, formats: readonly Format[], briefs: number): number {
  const cores = availableParallelism();
  const pages = options.concurrency ?? cores;
  const wanted = formats.includes('pdf') ? pages + Math.max(threads, 1) : Math.max(threads, 1) * 4;
  return Math.max(1, Math.min(options.concurrency !== undefined && !formats.includes('pdf') ? options.concurrency : wanted, briefs));
}

/**
 * Runs `work` for every index below `count`, `loops` at a time, and returns the results by index.
 * Every loop ends before this returns, even when one of them fails (the build holds a lock).
 */
export async function inLoops<T>(count: number, loops: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const loop = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await work(index);
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: loops }, loop));
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return results;
}
