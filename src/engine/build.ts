/**
 * buildBriefs: load every brief, render the valid ones to each format through one shared
 * printer, and write the outputs atomically. Briefs with content errors are skipped (their old
 * outputs stay); the result carries every message for the caller to report.
 */
import { resolve } from 'node:path';
import { acquireLock } from '../io/lock.js';
import { assertSeparateOutDir } from '../io/out-dir.js';
import { PreviousPublication } from '../publish/since.js';
import { formats as allFormats } from '../render/formats.js';
import { buildBrief, type BriefContext } from './build-brief.js';
import type { BuildOptions } from './build-options.js';
import { openIncremental, planBuild, type BuildPlace } from './build-plan.js';
import type { BuildResult } from './build-result.js';
import { buildResult } from './brief-outcome.js';
import { BriefPipeline } from './brief-pipeline.js';
import { inLoops, loopCount, threadCount } from './parallelism.js';
import { BuildSession } from './session.js';
import { TemplateFailures } from './template-failures.js';

export type { BuildOptions } from './build-options.js';
export type { BuildEvent, BuildResult, KeptBrief, WrittenFile } from './build-result.js';

/**
 * Builds every brief in `options.paths` into `options.outDir`. A `session` (watch, serve) keeps
 * the browser and workers for the next build; without one the browser is closed at the end and idle workers soon after.
 */
export async function buildBriefs(options: BuildOptions = {}, session?: BuildSession): Promise<BuildResult> {
  if (!session) {
    const own = new BuildSession({ ...options, oneOff: true });
    if (options.threads !== 0) own.warm();
    try {
      return await buildBriefs(options, own);
    } finally {
      // Idle workers wait a moment for the next one-off build in this process (idle-pool.ts).
      await own.close(true);
    }
  }
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? 'out');
  const formats = options.formats?.length ? options.formats : allFormats;
  assertSeparateOutDir(outDir, { cwd, paths: options.paths?.length ? options.paths : ['briefs'], sourcesDir: options.sourcesDir });
  const since = options.since === undefined ? undefined : await PreviousPublication.open(options.since, cwd, outDir);
  const lock = await acquireLock(outDir, options.lockTimeoutMs);
  try {
    return await buildLocked(options, session, { cwd, outDir, formats, since, started });
  } finally {
    await session.afterBuild();
    await lock.release();
  }
}

/** The build itself, once the out dir is this build's: plan, every brief, then the cache and publication. */
async function buildLocked(options: BuildOptions, session: BuildSession, place: BuildPlace): Promise<BuildResult> {
  const { cwd, outDir, formats } = place;
  const incremental = await openIncremental(options, place);
  const plan = await planBuild(
    options,
    cwd,
    incremental,
    session.preview ? { readAhead: false, stageIn: undefined } : { readAhead: true, stageIn: place.outDir },
  );
  const total = plan.paths.length;
  options.onEvent?.({ type: 'start', total });
  const threads = threadCount(options, total, formats.includes('pdf'));
  const browser = session.supervisor(options.onEvent);
  const pipeline = new BriefPipeline({
    cwd,
    outDir,
    incremental,
    pool: session.workers(threads),
    paper: options.paper,
    env: options.env,
    onEvent: options.onEvent,
    printer: () => browser.printer(),
    previewFirst: session.preview,
  });
  // Start Chromium while the first briefs load; a launch failure counts only if a brief needs it.
  if ([...plan.formats.values()].some((planned) => planned.includes('pdf'))) browser.launch().catch(() => undefined);
  const context: BriefContext = { plan, pipeline, incremental, browser, onEvent: options.onEvent, keepModels: options.keepModels !== false };
  const outcomes = await inLoops(total, loopCount(options, threads, formats, total), (index) => buildBrief(context, index));
  session.briefsDone();
  const { removed } = await incremental.finish();
  const templates = new TemplateFailures(cwd);
  return buildResult(outcomes, { ignoredRecords: incremental.ignoredRecords, unchanged: incremental.unchanged, removed, started: place.started, templates });
}
