/** What a caller may ask of one build (`buildBriefs`): shared by `build`, `watch` and `serve`. */
import type { Format } from '../render/formats.js';
import type { Shard } from '../publish/shard.js';
import type { BuildEvent } from './build-result.js';
import type { LoadOptions } from './load.js';
import type { WorkerLimits } from './threads/worker-limits.js';

export interface BuildOptions extends LoadOptions {
  /** Output folder (default `out`). */
  outDir?: string | undefined;
  /** Formats to write (default all four). */
  formats?: readonly Format[] | undefined;
  /** Templates folder that overrides the project's and the built-in ones. */
  templates?: string | undefined;
  /** Browser binary (`--chrome`). */
  chrome?: string | undefined;
  /** Pages printing at once; without PDFs, briefs in flight at once (default: CPU count). */
  concurrency?: number | undefined;
  /**
   * Workers (child processes) that parse and render, each brief under `workerLimits` (default:
   * cores − 1 from 4 cores and 8 briefs; on fewer cores, one per core for 500 briefs or more
   * without PDFs; else 1). 0 runs every brief on this thread, without the time and memory limits.
   */
  threads?: number | undefined;
  /** Time and memory one brief may take on a worker (defaults: 120 s, 2048 MB). */
  workerLimits?: Partial<WorkerLimits> | undefined;
  /** Tests only: see PoolOptions.hook. */
  workerHook?: string | undefined;
  /** Milliseconds one brief's PDF may take before it fails (default 60 000). */
  timeout?: number | undefined;
  /** Paper for HTML and PDF (`--paper`), overriding each brief's `paper`. */
  paper?: 'a4' | 'letter' | undefined;
  /** Progress events, for a CLI to print; the library itself never prints. */
  onEvent?: ((event: BuildEvent) => void) | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** Build cache folder (default `<outDir>/.cache`). */
  cacheDir?: string | undefined;
  /** Rebuild every brief, ignoring the cache. */
  force?: boolean | undefined;
  /** A previous out dir or manifest.json: add "Changes since <date>" to each brief. */
  since?: string | undefined;
  /** How long to wait for another build holding the out dir (default 60 s). */
  lockTimeoutMs?: number | undefined;
  /** Site mode (`--site`): pages link fonts and stylesheet written once under `<outDir>/assets/`; default standalone pages. */
  site?: boolean | undefined;
  /** Absolute URL the out dir is published at (`--base-url`), for the feed's links. */
  baseUrl?: string | undefined;
  /**
   * Whether `BuildResult.briefs` keeps each brief's model (default true). A caller that only
   * counts briefs and reads their messages — the CLI — says false: a build of a thousand briefs
   * then holds no model once its outputs are written (each brief's `brief` is null; `valid` says
   * whether it loaded without errors), nor the text of a brief without problems (its `file` has
   * only its path).
   */
  keepModels?: boolean | undefined;
  /** Build only shard `index` of `count` (`--shard i/N`) and write a manifest fragment for `briefsmith merge`. */
  shard?: Shard | undefined;
}
