/**
 * One brief's way through a build once its inputs are known: load and render (on a worker process
 * when the build has a pool), the duplicate-id check in path order, printing through the shared
 * browser, finishing, then writing every output atomically and recording it. A brief whose
 * render fails keeps all of its old outputs: nothing is written until every format is ready —
 * except in a live preview, where the formats but the PDF are written before it is printed.
 */
import { resolve } from 'node:path';
import { report } from '../errors/report.js';
import type { Format } from '../render/formats.js';
import { type BriefJob, type BriefJobResult, runBriefJob } from './brief-job.js';
import type { WrittenFile } from './build-result.js';
import { DuplicateIds } from './load.js';
import type { PipelineContext } from './pipeline-context.js';
import { limitResult } from './threads/limit-result.js';
import { WorkerLimitError } from './threads/worker-limits.js';
import { writeBrief } from './write-brief.js';

export type { PipelineContext } from './pipeline-context.js';

/** Runs briefs through the pipeline; `checkInOrder` checks them in path order, whatever order loading finishes in. */
export class BriefPipeline {
  private readonly ids = new DuplicateIds();
  private turn: Promise<void> = Promise.resolve();

  constructor(private readonly context: PipelineContext) {}

  /** Loads and renders in the pool (a brief stopped by its limits gets one error), or on this thread without one. */
  run(job: BriefJob): Promise<BriefJobResult> {
    if (!this.context.pool) return runBriefJob(job);
    return this.context.pool.brief(job).catch((error: unknown) => (error instanceof WorkerLimitError ? limitResult(job, error) : Promise.reject(error)));
  }

  /**
   * Waits for the briefs before this one to be checked, then checks this one's id: against the
   * briefs loaded before it, and against unchanged briefs not loaded at all.
   */
  async checkInOrder(loading: Promise<BriefJobResult>): Promise<BriefJobResult> {
    const before = this.turn;
    let done!: () => void;
    this.turn = new Promise((resolve) => {
      done = resolve;
    });
    try {
      const [loaded] = await Promise.all([loading, before]);
      const { id, idPlace, brief } = loaded;
      const taken = id === undefined ? undefined : this.context.incremental.unchangedWithId(id);
      if (brief && taken && resolve(this.context.cwd, taken.source) !== loaded.path) {
        report(loaded.file, 'duplicate-id', idPlace, { what: `brief id (also in ${taken.source})`, id: brief.meta.id });
        loaded.brief = null;
      } else this.ids.check(loaded, id, idPlace);
      return loaded;
    } finally {
      done();
    }
  }

  /**
   * Prints (when asked), then writes and records every output of a loaded, valid brief rendered
   * without a template error; returns the files written. In a preview the other formats go first
   * (once: a print retried after a browser crash does not write them again).
   */
  async complete(loaded: BriefJobResult, path: string, formats: readonly Format[]): Promise<WrittenFile[]> {
    const brief = loaded.brief!;
    if (loaded.renderError) throw loaded.renderError;
    const changes = loaded.changes && { since: loaded.changes.view.since, summary: loaded.changes.summary };
    if (changes) this.context.onEvent?.({ type: 'changes', id: brief.meta.id, ...changes });
    if (!this.context.previewFirst || !formats.includes('pdf') || formats.length === 1) return writeBrief(this.context, loaded, path, formats, changes);
    let first = this.writtenFirst.get(loaded);
    if (!first) {
      first = await writeBrief(
        this.context,
        loaded,
        path,
        formats.filter((format) => format !== 'pdf'),
        changes,
      );
      this.writtenFirst.set(loaded, first);
    }
    return [...first, ...(await writeBrief(this.context, loaded, path, ['pdf'], changes))];
  }

  /** What a preview wrote of each brief before its PDF. */
  private readonly writtenFirst = new WeakMap<BriefJobResult, WrittenFile[]>();
}
