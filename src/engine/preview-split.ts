/**
 * A live preview's job in parts: the brief with its HTML (and the PDF's source) as soon as they
 * are rendered, so that they are written and the print starts while the worker renders the other
 * formats, which follow as `later`. The .docx, which alone takes longer than everything before
 * it, is rendered by a job of its own once the PDF is printed (`deferred`): beside the print it
 * slowed Chromium by a quarter (bench/README.md `watch`).
 */
import type { BriefJob, BriefJobResult, LaterParts } from './brief-job.js';

/** The later part of a job whose first part was handed over: what the final result adds. */
export function laterOf(result: BriefJobResult): LaterParts {
  // A worker limit stopped the job after its first part: the brief gets the limit's message.
  if (!result.meta) return { outputs: [], templateError: null, renderError: null, messages: [...result.file.messages] };
  return { outputs: result.outputs, templateError: result.templateError, renderError: result.renderError, messages: [] };
}

/** A job run for its outputs alone (the deferred .docx), as later parts: never rejects. */
export function laterParts(running: Promise<BriefJobResult>): Promise<LaterParts> {
  return running.then(laterOf, (error: unknown) => ({
    outputs: [],
    templateError: null,
    renderError: error instanceof Error ? error : new Error(String(error)),
    messages: [],
  }));
}

/** A preview's job split into the one run now and the formats left for after the print (none: null). */
export function deferredFormats(job: BriefJob): { now: BriefJob; deferred: BriefJob | null } {
  if (!job.formats.includes('pdf') || !job.formats.includes('docx')) return { now: job, deferred: null };
  return { now: { ...job, formats: job.formats.filter((format) => format !== 'docx') }, deferred: { ...job, formats: ['docx'], previewFirst: false } };
}

/**
 * Runs a job through `run`, which may hand its first part to the callback: resolves with that part
 * (its `later` the rest, which never rejects), or with the whole result when no first part came.
 */
export function firstThenLater(run: (onFirst: (first: BriefJobResult) => void) => Promise<BriefJobResult>): Promise<BriefJobResult> {
  return new Promise((resolve, reject) => {
    let settleLater: ((later: LaterParts) => void) | undefined;
    const later = new Promise<LaterParts>((done) => {
      settleLater = done;
    });
    let handed = false;
    const onFirst = (first: BriefJobResult) => {
      handed = true;
      resolve({ ...first, later });
    };
    run(onFirst).then(
      (result) => (handed ? settleLater?.(laterOf(result)) : resolve(result)),
      (error: unknown) => {
        const renderError = error instanceof Error ? error : new Error(String(error));
        if (handed) settleLater?.({ outputs: [], templateError: null, renderError, messages: [] });
        else reject(error);
      },
    );
  });
}
