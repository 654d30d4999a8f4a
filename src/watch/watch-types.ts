/** What a watch takes, tells and returns, and what its rebuilds share: the shapes, apart from the loop in watch.ts. */
import type { VFile } from 'vfile';
import type { BuildOptions } from '../engine/build.js';
import type { BuildSession } from '../engine/session.js';
import type { Format } from '../render/formats.js';
import type { BriefStatus, BriefStatuses } from './statuses.js';
import type { WatchedPaths } from './watched-paths.js';

export interface WatchOptions extends Omit<BuildOptions, 'onEvent'> {
  /** Quiet time after the last reported change before rebuilding, so files saved together build together (default 5 ms). */
  debounceMs?: number | undefined;
  onEvent?: ((event: WatchEvent) => void) | undefined;
}

export type WatchEvent =
  | { type: 'written'; brief: string; id: string; format: Format; path: string }
  | {
      type: 'rebuilt';
      reason: 'start' | 'brief' | 'template';
      rebuilt: BriefStatus[];
      files: VFile[];
      failures: Array<{ path: string; error: Error }>;
      briefCount: number;
      durationMs: number;
    };

export interface WatchHandle {
  /** Resolves after the first build, once the watcher is listening. */
  ready: Promise<void>;
  /** Every brief's status, by absolute path. */
  briefs(): BriefStatus[];
  /** Template problems of the last rebuild (lint and render failures). */
  templateFiles(): VFile[];
  /** Resolves once every change seen so far is built. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** What every rebuild of one watch shares. */
export interface WatchRun {
  options: WatchOptions;
  cwd: string;
  paths: string[];
  outDir: string;
  statuses: BriefStatuses;
  session: BuildSession;
  watching: WatchedPaths;
  /** Template problems of the last rebuild that looked at the templates. */
  templateProblems: VFile[];
  /** The declared fields as the config was last saved: briefs are checked against them. */
  fields: BuildOptions['fields'];
}
