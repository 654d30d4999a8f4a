/** What a build reports as it goes and when it ends (shared by the build and its pipeline). */
import type { VFile } from 'vfile';
import type { LoadedBrief } from './load.js';
import type { Format } from '../render/formats.js';

export type BuildEvent =
  | { type: 'start'; total: number }
  | { type: 'brief'; path: string; index: number; total: number }
  | { type: 'written'; path: string; format: Format; bytes: number; brief: string; id: string }
  | { type: 'browser'; path: string; reason: string; pid?: number | undefined }
  | { type: 'changes'; id: string; since: string; summary: string };

export interface WrittenFile {
  path: string;
  format: Format;
  bytes: number;
  brief: string;
}

/** What the build's result keeps of a loaded brief: not its rendered outputs, once written. */
export interface KeptBrief extends LoadedBrief {
  parsed: boolean;
  /** Whether it loaded without errors: its model, unless the build was asked not to keep models (`keepModels: false`). */
  valid: boolean;
}

export interface BuildResult {
  /** Every brief loaded, in path order (their models only with `keepModels`, the default). */
  briefs: KeptBrief[];
  /** Files with messages: the briefs, plus any template that failed. */
  files: VFile[];
  written: WrittenFile[];
  /** Briefs that could not be printed or written (environment failures), with the reason. */
  failures: Array<{ path: string; error: Error }>;
  /** Source paths (relative) of briefs skipped because nothing they depend on changed. */
  unchanged: string[];
  /** Briefs whose outputs a template failure kept from being written, with that template's file. */
  blocked: Array<{ path: string; template: VFile }>;
  /** Source paths (relative) of briefs parsed this build; the others loaded came from the model cache. */
  parsed: string[];
  /** Stale outputs of deleted or renamed briefs that were removed. */
  removed: string[];
  durationMs: number;
}
