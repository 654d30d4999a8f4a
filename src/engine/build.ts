/**
 * buildBriefs: load every brief, render the valid ones to each format through one shared
 * printer, and write the outputs atomically. Briefs with content errors are skipped (their old
 * outputs stay); the result carries every message for the caller to report.
 */
import { randomUUID } from 'node:crypto';
import { relative, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { VFile } from 'vfile';
import { report } from '../errors/report.js';
import type { TemplateError } from '../render/template-error.js';
import type { LoadOptions, LoadedBrief } from './load.js';
import { formats as allFormats, type Format } from '../render/formats.js';
import { BriefPipeline } from './brief-pipeline.js';
import type { BriefJob } from './brief-job.js';
import { BuildSession } from './session.js';
import { acquireLock } from '../io/lock.js';
import { assertSeparateOutDir } from '../io/out-dir.js';
import { IncrementalBuild } from './incremental.js';
import { PreviousPublication } from '../publish/since.js';
import { buildFingerprint } from '../publish/fingerprint.js';
import type { Shard } from '../publish/shard.js';
import type { BuildEvent, BuildResult } from './build-result.js';

export interface BuildOptions extends LoadOptions {
  /** Output folder (default `out`). */
  outDir?: string | undefined;
  /** Formats to write (default all four). */
  formats?: readonly Format[] | undefined;
  /** Templates folder that overrides the project's and the built-in ones. */
  templates?: string | undefined;
  /** Browser binary (`--chrome`). */
  chrome?: string | undefined;
  /** Pages printing at once; without PDFs, briefs in flight at once (default: CPU count). */
  concurrency?: number | undefined;
  /** Worker threads that parse and render; 0 keeps everything on this thread (default: cores − 1 from 4 cores and 8 briefs; on fewer cores, one per core for 500 briefs or more without PDFs; else 0). */
  threads?: number | undefined;
  /** Milliseconds one brief's PDF may take before it fails (default 60 000). */
  timeout?: number | undefined;
  /** Paper for HTML and PDF (`--paper`), overriding each brief's `paper`. */
  paper?: 'a4' | 'letter' | undefined;
  /** Progress events, for a CLI to print; the library itself never prints. */
  onEvent?: ((event: BuildEvent) => void) | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** Build cache folder (default `<outDir>/.cache`). */
  cacheDir?: string | undefined;
  /** Rebuild every brief, ignoring the cache. */
  force?: boolean | undefined;
  /** A previous out dir or manifest.json: add "Changes since <date>" to each brief. */
  since?: string | undefined;
  /** How long to wait for another build holding the out dir (default 60 s). */
  lockTimeoutMs?: number | undefined;
  /** Site mode (`--site`): pages link fonts and stylesheet written once under `<outDir>/assets/`; default standalone pages. */
  site?: boolean | undefined;
  /** Absolute URL the out dir is published at (`--base-url`), for the feed's links. */
  baseUrl?: string | undefined;
  /** Build only shard `index` of `count` (`--shard i/N`) and write a manifest fragment for `briefsmith merge`. */
  shard?: Shard | undefined;
}

export type { BuildEvent, BuildResult, WrittenFile } from './build-result.js';

/**
 * Builds every brief in `options.paths` into `options.outDir`. A `session` (watch, serve) keeps
 * the browser and worker threads for the next build; without one they are closed at the end.
 */
export async function buildBriefs(options: BuildOptions = {}, session?: BuildSession): Promise<BuildResult> {
  if (!session) {
    const own = new BuildSession(options);
    try {
      return await buildBriefs(options, own);
    } finally {
      await own.close();
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

interface BuildPlace {
  cwd: string;
  outDir: string;
  formats: readonly Format[];
  since: PreviousPublication | undefined;
  started: number;
}

async function buildLocked(options: BuildOptions, session: BuildSession, place: BuildPlace): Promise<BuildResult> {
  const { cwd, outDir, formats, since, started } = place;
  const incremental = await IncrementalBuild.open(options.paths ?? [], {
    cwd,
    outDir,
    formats,
    since,
    cacheDir: options.cacheDir,
    templates: options.templates,
    force: options.force,
    paper: options.paper,
    now: buildTime(options.env),
    limits: options.limits,
    site: options.site,
    baseUrl: options.baseUrl,
    shard: options.shard && {
      ...options.shard,
      fingerprint: buildFingerprint({ cwd, templates: options.templates, formats, paper: options.paper, site: options.site, since: options.since }),
    },
  });
  // With --sources-dir, unchanged briefs are loaded too (their quotes are checked) but not rendered.
  const unchangedPaths = new Set(options.sourcesDir ? incremental.unchanged.map((entry) => resolve(cwd, entry.source)) : []);
  const toLoad = [...incremental.toLoad, ...unchangedPaths].sort();
  const templateFiles = new Map<string, VFile>();
  const result: BuildResult = { briefs: [], files: [], written: [], failures: [], unchanged: [], blocked: [], parsed: [], removed: [], durationMs: 0 };
  const loadedBriefs: LoadedBrief[] = new Array(toLoad.length);
  const skipped: string[] = incremental.unchanged.map((entry) => entry.source);
  const parsed: string[] = [];
  options.onEvent?.({ type: 'start', total: toLoad.length });

  const threads = threadCount(options, toLoad.length, formats.includes('pdf'));
  const pool = session.workers(threads);
  const browser = session.supervisor(options.onEvent);
  const pipeline = new BriefPipeline({
    cwd,
    outDir,
    incremental,
    pool,
    paper: options.paper,
    env: options.env,
    result,
    onEvent: options.onEvent,
    printer: () => browser.printer(),
    onTemplateError: (error, brief) => result.blocked.push({ path: brief, template: recordTemplateError(error, templateFiles, cwd) }),
  });
  const plannedFormats = new Map<string, Format[]>();
  for (const path of toLoad) plannedFormats.set(path, unchangedPaths.has(path) ? [] : await incremental.plannedFormats(path));
  const build = randomUUID();
  const jobOf = (path: string): BriefJob => ({
    build,
    path,
    cwd,
    sourcesDir: options.sourcesDir,
    limits: options.limits,
    templates: options.templates,
    paper: options.paper,
    since: options.since,
    site: options.site,
    sourceDateEpoch: (options.env ?? process.env).SOURCE_DATE_EPOCH,
    formats: plannedFormats.get(path) ?? [],
    modelCache: incremental.modelCache(path),
  });
  // Start Chromium while the first briefs load; a launch failure counts only if a brief needs it.
  if ([...plannedFormats.values()].some((planned) => planned.includes('pdf'))) browser.launch().catch(() => undefined);

  let next = 0;
  const worker = async () => {
    while (next < toLoad.length) {
      const index = next++;
      const path = toLoad[index]!;
      const job = jobOf(path);
      let loaded = await pipeline.checkInOrder(pipeline.run(job));
      loadedBriefs[index] = loaded;
      if (loaded.parsed) parsed.push(loaded.file.path);
      if (!loaded.brief || unchangedPaths.has(path)) continue;
      const planned = await incremental.formatsToRender(path, loaded.brief);
      if (planned.length === 0) {
        skipped.push(loaded.file.path);
        continue;
      }
      if (planned.some((format) => !job.formats.includes(format))) {
        // Its id changed since the last build, so every format is due: render them now.
        loaded = { ...(await pipeline.run({ ...job, formats: planned })), file: loaded.file, brief: loaded.brief };
      }
      // Not caught below: with no browser at all the build stops (exit 2).
      if (planned.includes('pdf')) await browser.launch();
      options.onEvent?.({ type: 'brief', path: loaded.file.path, index, total: toLoad.length });
      for (let attempt = 0; ; attempt++) {
        const generation = await browser.generation();
        try {
          await pipeline.complete(loaded, path, planned);
          break;
        } catch (error) {
          const outcome = await browser.failed(error, generation, attempt);
          if (outcome === 'retry') continue;
          result.failures.push({ path: loaded.file.path, error: outcome });
          break;
        }
      }
    }
  };
  // Every loop ends before the lock is released, even when one of them fails.
  const loops = await Promise.allSettled(Array.from({ length: loopCount(options, threads, formats, toLoad.length) }, worker));
  const failed = loops.find((loop) => loop.status === 'rejected');
  if (failed) throw failed.reason;
  result.briefs = loadedBriefs;
  result.files = [...incremental.ignoredRecords, ...loadedBriefs.map((loaded) => loaded.file), ...templateFiles.values()];
  result.unchanged = skipped.sort();
  result.parsed = parsed.sort();
  result.removed = (await incremental.finish()).removed;
  result.durationMs = performance.now() - started;
  return result;
}

/**
 * Worker threads for loading and rendering. Starting a thread and loading the renderer into it
 * costs about half a second of CPU, so a handful of briefs stays on this thread. Measured on
 * 2 vCPUs (bench/README.md): without PDFs, two threads built 1000 briefs 1.1–2× faster but
 * 300 small ones no faster; with PDFs, Chromium needs the cores and threads made 20 briefs
 * slower. From 4 cores, one thread per core but one.
 */
function threadCount(options: BuildOptions, briefs: number, pdf: boolean): number {
  if (options.threads !== undefined) return Math.max(0, Math.min(options.threads, briefs));
  const cores = availableParallelism();
  if (cores >= 4 && briefs >= 8) return Math.min(cores - 1, briefs);
  return !pdf && cores >= 2 && briefs >= 500 ? Math.min(cores, briefs) : 0;
}

/**
 * Briefs in flight at once. With PDFs, enough to keep every browser page and every thread busy;
 * without, more than the cores so that file writes (each fsync'd) overlap the rendering.
 */
function loopCount(options: BuildOptions, threads: number, formats: readonly Format[], briefs: number): number {
  const cores = availableParallelism();
  const pages = options.concurrency ?? cores;
  const wanted = formats.includes('pdf') ? pages + Math.max(threads, 1) : Math.max(threads, 1) * 4;
  return Math.max(1, Math.min(options.concurrency !== undefined && !formats.includes('pdf') ? options.concurrency : wanted, briefs));
}

/** SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
function buildTime(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return new Date(env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? epoch * 1000 : Date.now()).toISOString();
}

/** The one file that reports `error`, however many briefs it stopped. */
function recordTemplateError(error: TemplateError, files: Map<string, VFile>, cwd: string): VFile {
  const key = `${error.template}:${error.line}:${error.column}:${error.reason}`;
  const known = files.get(key);
  if (known) return known;
  // Relative to the project, as every other message's path is.
  const file = new VFile({ path: relative(cwd, error.template) || error.template });
  const place = error.line === undefined ? undefined : { line: error.line, column: error.column ?? 1 };
  // The error rides along as the message's cause so reporters can show its code frame.
  report(file, 'template-error', place, { reason: error.reason }).cause = error;
  files.set(key, file);
  return file;
}
