/**
 * One brief's way through a build: load it (in path order for the duplicate-id check), decide
 * which formats are due now that its id is known, render again if the plan guessed too few,
 * then print and write, with one more try when the browser crashed under it.
 */
import { discardStaged } from '../io/write.js';
import type { BrowserSupervisor } from '../print/browser-supervisor.js';
import type { Format } from '../render/formats.js';
import type { BriefJob, BriefJobResult, LaterParts } from './brief-job.js';
import { loadedOutcome, type BriefOutcome } from './brief-outcome.js';
import type { BriefPipeline } from './brief-pipeline.js';
import type { BuildPlan } from './build-plan.js';
import type { BuildEvent } from './build-result.js';
import type { IncrementalBuild } from './incremental.js';

export interface BriefContext {
  plan: BuildPlan;
  pipeline: BriefPipeline;
  incremental: IncrementalBuild;
  browser: BrowserSupervisor;
  onEvent: ((event: BuildEvent) => void) | undefined;
  /** Whether the result keeps each brief's model (BuildOptions.keepModels). */
  keepModels: boolean;
}

/** Builds the brief at `plan.paths[index]` and says what came of it. */
export async function buildBrief(context: BriefContext, index: number): Promise<BriefOutcome> {
  const { plan, pipeline } = context;
  const path = plan.paths[index]!;
  const job = plan.jobOf(path);
  const loaded = await pipeline.checkInOrder(pipeline.run(job));
  const results = [loaded];
  try {
    return await buildLoaded(context, index, job, loaded, (again) => results.push(again));
  } finally {
    // What the jobs staged and the brief did not write (not valid after all, formats not due, a failure).
    await discardStaged(results.flatMap((result) => result.staged.map(({ temporary }) => temporary)));
  }
}

async function buildLoaded(
  context: BriefContext,
  index: number,
  job: BriefJob,
  loaded: BriefJobResult,
  ran: (again: BriefJobResult) => void,
): Promise<BriefOutcome> {
  const { plan, pipeline, incremental, browser, onEvent } = context;
  const path = plan.paths[index]!;
  const outcome = loadedOutcome(loaded, context.keepModels);
  if (!loaded.meta || plan.checkOnly.has(path)) return outcome;
  const due = await incremental.formatsToRender(path, loaded.meta);
  if (due.length === 0) return { ...outcome, unchanged: true };
  const rendered = due.some((format) => !job.formats.includes(format)) ? await renderAgain(pipeline, job, due, loaded) : loaded;
  ran(rendered);
  // Stopped by a worker limit the second time: the brief fails with what that run reported.
  if (!rendered.meta) return loadedOutcome(rendered, context.keepModels);
  // Not caught below: with no browser at all the build stops (exit 2).
  if (due.includes('pdf')) await browser.launch();
  onEvent?.({ type: 'brief', path: loaded.file.path, index, total: plan.paths.length });
  if (rendered.templateError) return { ...outcome, templateError: rendered.templateError };
  const completed = await completeWithRetry(context, rendered, path, due);
  return { ...outcome, ...completed, ...laterOutcome(rendered, await pipeline.laterParts(rendered), completed.failure) };
}

/**
 * How a preview's formats rendered after the HTML went (none: nothing to add): a template that
 * failed there, any other failure, or the message of a worker limit that stopped them.
 */
function laterOutcome(rendered: BriefJobResult, parts: LaterParts[], failure: Error | null): Pick<BriefOutcome, 'failure' | 'templateError'> {
  for (const message of parts.flatMap((part) => part.messages)) rendered.file.messages.push(message);
  const templateError = parts.find((part) => part.templateError)?.templateError ?? null;
  return { failure: failure ?? parts.find((part) => part.renderError)?.renderError ?? null, templateError };
}

/** Its id changed since the last build, so every format is due: renders them now, keeping the first load's file and model. */
async function renderAgain(pipeline: BriefPipeline, job: BriefJob, due: readonly Format[], loaded: BriefJobResult): Promise<BriefJobResult> {
  const again = await pipeline.run({ ...job, formats: [...due] });
  if (again.meta) return { ...again, file: loaded.file, brief: loaded.brief, meta: loaded.meta };
  for (const message of again.file.messages) loaded.file.messages.push(message);
  return { ...again, file: loaded.file };
}

/** Prints and writes; a brief whose browser crashed before its turn gets one try on the next. */
async function completeWithRetry(
  { pipeline, browser }: BriefContext,
  rendered: BriefJobResult,
  path: string,
  due: readonly Format[],
): Promise<Pick<BriefOutcome, 'written' | 'failure'>> {
  for (let attempt = 0; ; attempt++) {
    const generation = await browser.generation();
    try {
      return { written: await pipeline.complete(rendered, path, due), failure: null };
    } catch (error) {
      const verdict = await browser.failed(error, generation, attempt);
      if (verdict !== 'retry') return { written: [], failure: verdict };
    }
  }
}
