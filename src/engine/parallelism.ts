/** How much of a build runs at once: worker threads, briefs in flight, and the loops that carry them. */
import { availableParallelism } from 'node:os';
import type { Format } from '../render/formats.js';
import type { BuildOptions } from './build-options.js';

/**
 * Worker threads for loading and rendering. Starting a thread and loading the renderer into it
 * costs about half a second of CPU, so a handful of briefs stays on this thread. Measured on
 * 2 vCPUs (bench/README.md): without PDFs, two threads built 1000 briefs 1.1–2× faster but
 * 300 small ones no faster; with PDFs, Chromium needs the cores and threads made 20 briefs
 * slower. From 4 cores, one thread per core but one.
 */
export function threadCount(options: BuildOptions, briefs: number, pdf: boolean): number {
  if (options.threads !== undefined) return Math.max(0, Math.min(options.threads, briefs));
  const cores = availableParallelism();
  if (cores >= 4 && briefs >= 8) return Math.min(cores - 1, briefs);
  return !pdf && cores >= 2 && briefs >= 500 ? Math.min(cores, briefs) : 0;
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
