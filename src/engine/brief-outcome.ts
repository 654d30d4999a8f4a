/**
 * What each brief came to in one build, and the build's result assembled from those outcomes in
 * path order: the steps return what happened, and only this module puts the result together.
 */
import { VFile } from 'vfile';
import type { CacheEntry } from '../cache/cache.js';
import type { TemplateError } from '../render/template-error.js';
import type { BriefJobResult } from './brief-job.js';
import type { BuildResult, KeptBrief, WrittenFile } from './build-result.js';

export type { KeptBrief } from './build-result.js';
import type { TemplateFailures } from './template-failures.js';

export interface BriefOutcome {
  loaded: KeptBrief;
  /** Loaded and valid, but nothing it depends on changed: not rendered. */
  unchanged: boolean;
  written: WrittenFile[];
  /** Could not be printed or written (an environment failure). */
  failure: Error | null;
  /** A template failed while rendering it: nothing of it was written. */
  templateError: TemplateError | null;
}

/**
 * A loaded brief that has not been rendered (yet). The outcome keeps the file and, when asked, the
 * model, never the job's outputs: a build of many briefs would otherwise hold every page it wrote
 * (and every model and text, for a caller that only counts them and shows their problems) until it ends.
 */
export function loadedOutcome({ path, file, brief, meta, quotesVerified, quotes, parsed }: BriefJobResult, keepModel: boolean): BriefOutcome {
  // A lean result keeps a brief's text only to show its problems in context.
  const kept = keepModel || file.messages.length > 0 ? file : new VFile({ path: file.path });
  const loaded = { path, file: kept, brief: keepModel ? brief : null, valid: meta !== null, quotesVerified, quotes, parsed };
  return { loaded, unchanged: false, written: [], failure: null, templateError: null };
}

export interface BuildTotals {
  /** Files with a warning about a damaged manifest or cache. */
  ignoredRecords: readonly VFile[];
  /** Cache entries of the briefs not even loaded. */
  unchanged: readonly CacheEntry[];
  removed: string[];
  started: number;
  templates: TemplateFailures;
}

/** The build's result, from its briefs' outcomes (in path order) and what the build did besides. */
export function buildResult(outcomes: readonly BriefOutcome[], totals: BuildTotals): BuildResult {
  const briefs = outcomes.map((outcome) => outcome.loaded);
  const blocked = outcomes.flatMap(({ loaded, templateError }) =>
    templateError ? [{ path: loaded.file.path, template: totals.templates.fileOf(templateError) }] : [],
  );
  const unchanged = [
    ...totals.unchanged.map((entry) => entry.source),
    ...outcomes.filter((outcome) => outcome.unchanged).map(({ loaded }) => loaded.file.path),
  ];
  return {
    briefs,
    files: [...totals.ignoredRecords, ...briefs.map((loaded) => loaded.file), ...totals.templates.files()],
    written: outcomes.flatMap((outcome) => outcome.written),
    failures: outcomes.flatMap(({ loaded, failure }) => (failure ? [{ path: loaded.file.path, error: failure }] : [])),
    unchanged: unchanged.sort(),
    blocked,
    parsed: briefs
      .filter((loaded) => loaded.parsed)
      .map((loaded) => loaded.file.path)
      .sort(),
    removed: totals.removed,
    durationMs: performance.now() - totals.started,
  };
}
