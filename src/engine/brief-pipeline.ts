/**
 * One brief's way through a build once its inputs are known: load and render (on a worker process
 * when the build has a pool), the duplicate-id check in path order, printing through the shared
 * browser, finishing, then writing every output atomically and recording it. A brief whose
 * render fails keeps all of its old outputs: nothing is written until every format is ready —
 * except in a live preview, where the formats but the PDF are written before it is printed.
 */
import { resolve } from 'node:path';
import type { Printer } from '../print/printer.js';
import type { FinishedPdf, FinishOptions } from '../pdf/finish.js';
import type { PdfSource } from '../render/render.js';
import type { Brief } from '../types.js';
import { report } from '../errors/report.js';
import { generator } from '../version.js';
import { runBriefJob, type BriefJob, type BriefJobResult } from './brief-job.js';
import { DuplicateIds } from './load.js';
import { pdfMetadata } from './render-brief.js';
import type { Format } from '../render/formats.js';
import type { IncrementalBuild } from './incremental.js';
import { writeAllOwned } from '../io/contained.js';
import type { WorkerPool } from './threads/worker-pool.js';
import type { BuildEvent, WrittenFile } from './build-result.js';
import { WorkerLimitError } from './threads/worker-limits.js';
import { limitResult } from './threads/limit-result.js';

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

interface PipelineOutput {
  format: Format;
  data: string | Uint8Array;
  used: ReadonlyMap<string, string>;
}

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

  private finish(printed: Uint8Array, options: FinishOptions): Promise<FinishedPdf> {
    return this.context.pool ? this.context.pool.finish(printed, options) : import('../pdf/finish.js').then(({ finishPdf }) => finishPdf(printed, options));
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
    if (!this.context.previewFirst || !formats.includes('pdf') || formats.length === 1) return this.write(loaded, path, formats, changes);
    let first = this.writtenFirst.get(loaded);
    if (!first) {
      first = await this.write(
        loaded,
        path,
        formats.filter((format) => format !== 'pdf'),
        changes,
      );
      this.writtenFirst.set(loaded, first);
    }
    return [...first, ...(await this.write(loaded, path, ['pdf'], changes))];
  }

  /** What a preview wrote of each brief before its PDF. */
  private readonly writtenFirst = new WeakMap<BriefJobResult, WrittenFile[]>();

  /** Writes `formats` of the brief as one change (all new or all old) and records them. */
  private async write(
    loaded: BriefJobResult,
    path: string,
    formats: readonly Format[],
    changes: { since: string; summary: string } | null,
  ): Promise<WrittenFile[]> {
    const brief = loaded.brief!;
    const { onEvent, outDir, incremental } = this.context;
    const outputs = await this.outputs(loaded, formats);
    // All formats replace the old ones together, or none does (a full disk fails the brief whole).
    const targets = await writeAllOwned(
      outDir,
      outputs.map(({ format, data }) => ({ name: `${brief.meta.id}.${format}`, data })),
    );
    const written: WrittenFile[] = [];
    for (const [index, { format, data, used }] of outputs.entries()) {
      const target = targets[index]!;
      await incremental.record(path, brief, format, { path: target, data }, used, changes);
      const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
      written.push({ path: target, format, bytes, brief: loaded.file.path });
      onEvent?.({ type: 'written', path: target, format, bytes, brief: loaded.file.path, id: brief.meta.id });
    }
    return written;
  }

  /** Each format's bytes and the template files they were made from; the PDF is printed now. */
  private async outputs(loaded: BriefJobResult, formats: readonly Format[]): Promise<PipelineOutput[]> {
    const outputs: PipelineOutput[] = [];
    for (const format of formats) {
      if (format === 'pdf') outputs.push({ format, data: await this.printPdf(loaded.brief!, loaded.pdf!), used: new Map(loaded.pdf!.used) });
      else {
        const output = loaded.outputs.find((candidate) => candidate.format === format)!;
        outputs.push({ format, data: output.data, used: new Map(output.used) });
      }
    }
    return outputs;
  }

  private async printPdf(brief: Brief, source: PdfSource): Promise<Uint8Array> {
    const printer = await this.context.printer();
    const printed = await printer.print(source.html, { paper: this.context.paper ?? brief.meta.paper, fonts: source.fonts });
    const { sourceDateEpoch } = await import('../pdf/metadata.js');
    const finished = await this.finish(printed, {
      contents: source.contents,
      metadata: pdfMetadata(brief, generator, sourceDateEpoch(this.context.env), source.html),
    });
    return finished.bytes;
  }
}
