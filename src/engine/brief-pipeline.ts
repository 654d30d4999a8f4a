/**
 * One brief's way through a build once its inputs are known: load and render (on a worker process
 * when the build has a pool), the duplicate-id check in path order, printing through the shared
 * browser, finishing, then writing every output atomically and recording it. A brief whose
 * render fails keeps all of its old outputs: nothing is written until every format is ready —
 * except in a live preview, where the HTML is written as soon as it is rendered, then the other
 * formats and the PDF each when it is ready (preview-split.ts).
 */
import { resolve } from 'node:path';
import { report } from '../errors/report.js';
import { adoptStaged } from '../io/write.js';
import type { Format } from '../render/formats.js';
import type { BriefJob, BriefJobResult, LaterParts, RenderedOutput } from './brief-job.js';
import type { WrittenFile } from './build-result.js';
import { DuplicateIds } from './duplicate-ids.js';
import { deferredFormats, firstThenLater, laterParts } from './preview-split.js';
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

  /** Loads and renders in the pool (a brief stopped by its limits gets one error), or on this thread without one; a preview's HTML comes first. */
  async run(job: BriefJob): Promise<BriefJobResult> {
    if (!this.context.previewFirst) return this.runWhole(job);
    const { now, deferred } = deferredFormats({ ...job, previewFirst: true });
    const loaded = await firstThenLater((onFirst) => this.runWhole(now, onFirst));
    return deferred && loaded.meta ? { ...loaded, deferred } : loaded;
  }

  /** How what a preview rendered after the HTML went: the job's own later part, and the deferred job's. */
  async laterParts(loaded: BriefJobResult): Promise<LaterParts[]> {
    const parts = [loaded.later, this.deferredParts.get(loaded)];
    return Promise.all(parts.filter((part): part is Promise<LaterParts> => part !== undefined));
  }

  private async runWhole(job: BriefJob, onFirst?: (first: BriefJobResult) => void): Promise<BriefJobResult> {
    // Loaded only without a pool: then the parse and render modules run on this thread.
    const result = this.context.pool
      ? await this.context.pool
          .brief(job, onFirst)
          .catch((error: unknown) => (error instanceof WorkerLimitError ? limitResult(job, error) : Promise.reject(error)))
      : await import('./brief-job.js').then(({ runBriefJob }) => runBriefJob(job, undefined, onFirst));
    // This build's from now: renamed into place when written, else removed (build-brief.ts), or on a signal.
    adoptStaged(result.staged.map(({ temporary }) => temporary));
    return result;
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
      const { id, idPlace, meta } = loaded;
      const taken = id === undefined ? undefined : this.context.incremental.unchangedWithId(id);
      if (meta && taken && resolve(this.context.cwd, taken.source) !== loaded.path) {
        report(loaded.file, 'duplicate-id', idPlace, { what: `brief id (also in ${taken.source})`, id: meta.id });
        loaded.brief = null;
        loaded.meta = null;
      } else this.ids.check(loaded, id, idPlace);
      return loaded;
    } finally {
      done();
    }
  }

  /**
   * Prints (when asked), then writes and records every output of a loaded, valid brief rendered
   * without a template error; returns the files written. A preview writes what it has at once,
   * then its later formats and its PDF each when ready (each once: a print retried after a
   * browser crash writes only the PDF again).
   */
  async complete(loaded: BriefJobResult, path: string, formats: readonly Format[]): Promise<WrittenFile[]> {
    const meta = loaded.meta!;
    if (loaded.renderError) throw loaded.renderError;
    const changes = loaded.changes && { since: loaded.changes.view.since, summary: loaded.changes.summary };
    if (changes) this.context.onEvent?.({ type: 'changes', id: meta.id, ...changes });
    if (!this.context.previewFirst) return writeBrief(this.context, loaded, path, formats, changes);
    const write = (outputs: RenderedOutput[]) => {
      const ready = formats.filter((format) => outputs.some((output) => output.format === format));
      return ready.length === 0 ? Promise.resolve([]) : writeBrief(this.context, { ...loaded, outputs }, path, ready, changes);
    };
    const first = await this.once(this.writtenFirst, loaded, () => write(loaded.outputs));
    const later = this.once(this.writtenLater, loaded, async () => (loaded.later ? write((await loaded.later).outputs) : []));
    const pdf = formats.includes('pdf') ? writeBrief(this.context, loaded, path, ['pdf'], changes) : Promise.resolve([]);
    // Both end before this returns, whichever fails: the build's lock is held until then. The PDF's error first (a crash is retried).
    const [printed, rest] = await Promise.allSettled([pdf, later]);
    if (printed.status === 'rejected') throw printed.reason;
    if (rest.status === 'rejected') throw rest.reason;
    const deferred = loaded.deferred && formats.includes('docx') ? loaded.deferred : null;
    const after = deferred ? await this.once(this.writtenDeferred, loaded, async () => write((await this.runDeferred(loaded, deferred)).outputs)) : [];
    return [...first, ...rest.value, ...printed.value, ...after];
  }

  /** The deferred job's parts, run once for `loaded`. */
  private runDeferred(loaded: BriefJobResult, deferred: BriefJob): Promise<LaterParts> {
    const parts = this.deferredParts.get(loaded) ?? laterParts(this.runWhole(deferred));
    this.deferredParts.set(loaded, parts);
    return parts;
  }

  /** What `write` gave for `loaded` the first time it was asked. */
  private once(done: WeakMap<BriefJobResult, Promise<WrittenFile[]>>, loaded: BriefJobResult, write: () => Promise<WrittenFile[]>): Promise<WrittenFile[]> {
    const known = done.get(loaded);
    if (known) return known;
    const written = write();
    done.set(loaded, written);
    return written;
  }

  /** What a preview wrote of each brief at once, and after the HTML (before or beside its PDF). */
  private readonly writtenFirst = new WeakMap<BriefJobResult, Promise<WrittenFile[]>>();
  private readonly writtenLater = new WeakMap<BriefJobResult, Promise<WrittenFile[]>>();
  private readonly writtenDeferred = new WeakMap<BriefJobResult, Promise<WrittenFile[]>>();
  private readonly deferredParts = new WeakMap<BriefJobResult, Promise<LaterParts>>();
}
