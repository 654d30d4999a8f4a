/**
 * What a brief's way through a build shares with every other brief of that build: the out dir,
 * the incremental record, the worker pool, the one browser and where events go.
 */
import type { Printer } from '../print/printer.js';
import type { BuildEvent } from './build-result.js';
import type { IncrementalBuild } from './incremental.js';
import type { WorkerPool } from './threads/worker-pool.js';

export interface PipelineContext {
  cwd: string;
  outDir: string;
  incremental: IncrementalBuild;
  pool: WorkerPool | null;
  /** Launches the browser on first use; every later call gets the same one. */
  printer: () => Promise<Printer>;
  paper: 'a4' | 'letter' | undefined;
  env: NodeJS.ProcessEnv | undefined;
  onEvent: ((event: BuildEvent) => void) | undefined;
  /** Write a brief's other formats before printing its PDF (a live preview: see SessionOptions.preview). */
  previewFirst?: boolean | undefined;
}
