/**
 * buildBriefs: load every brief, render the valid ones to each format through one shared
 * printer, and write the outputs atomically. Briefs with content errors are skipped (their old
 * outputs stay); the result carries every message for the caller to report.
 */
import { dirname, join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { VFile } from 'vfile';
import { report } from '../errors/report.js';
import { TemplateError } from '../render/template-error.js';
import type { Printer } from '../pdf/printer.js';
import { loadBriefs, type LoadOptions, type LoadedBrief } from './load.js';
import { renderBrief, formats as allFormats, type Format } from './render-brief.js';
import { writeFileAtomic } from './write.js';
import { acquireLock } from './lock.js';
import { IncrementalBuild } from './incremental.js';
import { PreviousPublication } from './since.js';
import { diffBriefs } from './model-diff.js';
import { trackTemplateUsage } from '../render/template-usage.js';
import { detachFragments } from '../model/fragments.js';

export interface BuildOptions extends LoadOptions {
  /** Output folder (default `out`). */
  outDir?: string | undefined;
  /** Formats to write (default all four). */
  formats?: readonly Format[] | undefined;
  /** Templates folder that overrides the project's and the built-in ones. */
  templates?: string | undefined;
  /** Browser binary (`--chrome`). */
  chrome?: string | undefined;
  /** Briefs rendered at once (default: CPU count). */
  concurrency?: number | undefined;
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
}

export type BuildEvent =
  | { type: 'start'; total: number }
  | { type: 'brief'; path: string; index: number; total: number }
  | { type: 'written'; path: string; format: Format; bytes: number }
  | { type: 'browser'; path: string; reason: string; pid?: number | undefined }
  | { type: 'changes'; id: string; since: string; summary: string };

export interface WrittenFile { path: string; format: Format; bytes: number; brief: string }

export interface BuildResult {
  briefs: LoadedBrief[];
  /** Files with messages: the briefs, plus any template that failed. */
  files: VFile[];
  written: WrittenFile[];
  /** Briefs that could not be printed or written (environment failures), with the reason. */
  failures: Array<{ path: string; error: Error }>;
  /** Source paths (relative) of briefs skipped because nothing they depend on changed. */
  unchanged: string[];
  /** Stale outputs of deleted or renamed briefs that were removed. */
  removed: string[];
  durationMs: number;
}

/** Builds every brief in `options.paths` into `options.outDir`. */
export async function buildBriefs(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? 'out');
  const formats = options.formats?.length ? options.formats : allFormats;
  const since = options.since === undefined ? undefined : await PreviousPublication.open(options.since, cwd);
  const lock = await acquireLock(outDir, options.lockTimeoutMs);
  try {
    return await buildLocked(options, cwd, outDir, formats, since, started);
  } finally {
    await lock.release();
  }
}

async function buildLocked(options: BuildOptions, cwd: string, outDir: string, formats: readonly Format[], since: PreviousPublication | undefined, started: number): Promise<BuildResult> {
  const incremental = await IncrementalBuild.open(options.paths ?? [], {
    cwd, outDir, formats, since, cacheDir: options.cacheDir, templates: options.templates, force: options.force, paper: options.paper, now: buildTime(options.env),
  });
  const toLoad = options.sourcesDir ? [...incremental.toLoad, ...incremental.unchanged.map((entry) => resolve(cwd, entry.source))].sort() : incremental.toLoad;
  const briefs = toLoad.length > 0 ? await loadBriefs({ ...options, paths: toLoad }) : [];
  const plans = new Map<LoadedBrief, Format[]>();
  for (const loaded of briefs) {
    if (!loaded.brief) continue;
    const taken = incremental.unchangedWithId(loaded.brief.meta.id);
    if (taken && resolve(cwd, taken.source) !== loaded.path) {
      report(loaded.file, 'duplicate-id', undefined, { what: `brief id (also in ${taken.source})`, id: loaded.brief.meta.id });
      loaded.brief = null;
      continue;
    }
    const planned = await incremental.formatsToRender(loaded.path, loaded.brief);
    if (planned.length > 0) plans.set(loaded, planned);
  }
  const valid = [...plans.keys()];
  const templateFiles = new Map<string, VFile>();
  const unchanged = [...incremental.unchanged.map((entry) => entry.source), ...briefs.filter((loaded) => loaded.brief && !plans.has(loaded)).map((loaded) => loaded.file.path)];
  const result: BuildResult = { briefs, files: briefs.map((loaded) => loaded.file), written: [], failures: [], unchanged: unchanged.sort(), removed: [], durationMs: 0 };
  options.onEvent?.({ type: 'start', total: valid.length });

  let printer: Printer | undefined;
  let relaunched = false;
  let relaunching: Promise<void> | undefined;
  try {
    if (valid.some((loaded) => plans.get(loaded)!.includes('pdf'))) {
      const { Printer } = await import('../pdf/printer.js');
      printer = await Printer.launch({ chrome: options.chrome, concurrency: options.concurrency, timeout: options.timeout });
      options.onEvent?.({ type: 'browser', path: printer.chrome.path, reason: printer.chrome.reason, pid: printer.pid });
    }
    let next = 0;
    const worker = async () => {
      while (next < valid.length) {
        const index = next++;
        const loaded = valid[index]!;
        options.onEvent?.({ type: 'brief', path: loaded.file.path, index, total: valid.length });
        try {
          await relaunching;
          await buildOne(loaded, plans.get(loaded)!, outDir, options, printer, result, incremental, since);
        } catch (error) {
          if (error instanceof TemplateError) {
            recordTemplateError(error, templateFiles);
            continue;
          }
          const crashed = printer !== undefined && !printer.connected;
          const reason = error instanceof Error ? error : new Error(String(error));
          result.failures.push({ path: loaded.file.path, error: crashed ? new Error(`Chromium stopped while printing this brief (${reason.message.split('\n')[0]})`) : reason });
          if (crashed && !relaunched) {
            // A crashed browser fails the briefs it was printing; the rest get one fresh browser,
            // which workers wait for rather than print on the dead one.
            relaunched = true;
            relaunching = printer!.relaunch();
            // If the relaunch fails too, each remaining brief reports it (through `await relaunching`).
            await relaunching.catch(() => undefined);
          }
        }
      }
    };
    // Rendering runs on this thread; more briefs in flight than cores lets their file writes
    // (each fsync'd) overlap. With PDFs the printer's page pool bounds the work anyway.
    const defaultWorkers = printer ? availableParallelism() : availableParallelism() * 4;
    const workers = Math.max(1, Math.min(options.concurrency ?? defaultWorkers, valid.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await printer?.close();
  }
  result.removed = (await incremental.finish()).removed;
  result.files.push(...templateFiles.values());
  result.durationMs = performance.now() - started;
  return result;
}

/** SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
function buildTime(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return new Date(env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? epoch * 1000 : Date.now()).toISOString();
}

async function buildOne(loaded: LoadedBrief, formats: readonly Format[], outDir: string, options: BuildOptions, printer: Printer | undefined, result: BuildResult, incremental: IncrementalBuild, since: PreviousPublication | undefined) {
  const brief = loaded.brief!;
  const previous = since ? await since.get(brief.meta.id) : null;
  const changes = previous ? diffBriefs(previous.brief, brief) : null;
  if (changes) options.onEvent?.({ type: 'changes', id: brief.meta.id, since: changes.view.since, summary: changes.summary });
  // Render everything first, then write: a failure in one format leaves every old output in place.
  const outputs: Array<{ format: Format; data: string | Uint8Array; used: ReadonlyMap<string, string> }> = [];
  for (const format of formats) {
    const { result: data, used } = await trackTemplateUsage(() => renderBrief(brief, format, { templates: options.templates, cwd: options.cwd, baseDir: dirname(loaded.path), printer, env: options.env, changes: changes?.view, paper: options.paper }));
    outputs.push({ format, data, used });
  }
  for (const { format, data, used } of outputs) {
    const path = join(outDir, `${brief.meta.id}.${format}`);
    await writeFileAtomic(path, data);
    await incremental.record(loaded.path, brief, format, { path, data }, used);
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    result.written.push({ path, format, bytes, brief: loaded.file.path });
    options.onEvent?.({ type: 'written', path, format, bytes });
  }
  detachFragments(brief);
}

function recordTemplateError(error: TemplateError, files: Map<string, VFile>): void {
  const key = `${error.template}:${error.line}:${error.column}:${error.reason}`;
  if (files.has(key)) return;
  const file = new VFile({ path: error.template });
  const place = error.line === undefined ? undefined : { line: error.line, column: error.column ?? 1 };
  // The error rides along as the message's cause so reporters can show its code frame.
  report(file, 'template-error', place, { reason: error.reason }).cause = error;
  files.set(key, file);
}
