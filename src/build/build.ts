/**
 * buildBriefs: load every brief, render the valid ones to each format through one shared
 * printer, and write the outputs atomically. Briefs with content errors are skipped (their old
 * outputs stay); the result carries every message for the caller to report.
 */
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { VFile } from 'vfile';
import { report } from '../errors/report.js';
import { TemplateError } from '../render/template-error.js';
import { Printer } from '../pdf/printer.js';
import { loadBriefs, type LoadOptions, type LoadedBrief } from './load.js';
import { renderBrief, formats as allFormats, type Format } from './render-brief.js';
import { writeFileAtomic } from './write.js';

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
  /** Progress events, for a CLI to print; the library itself never prints. */
  onEvent?: ((event: BuildEvent) => void) | undefined;
  env?: NodeJS.ProcessEnv | undefined;
}

export type BuildEvent =
  | { type: 'start'; total: number }
  | { type: 'brief'; path: string; index: number; total: number }
  | { type: 'written'; path: string; format: Format; bytes: number }
  | { type: 'browser'; path: string; reason: string };

export interface WrittenFile { path: string; format: Format; bytes: number; brief: string }

export interface BuildResult {
  briefs: LoadedBrief[];
  /** Files with messages: the briefs, plus any template that failed. */
  files: VFile[];
  written: WrittenFile[];
  /** Briefs that could not be printed or written (environment failures), with the reason. */
  failures: Array<{ path: string; error: Error }>;
  durationMs: number;
}

/** Builds every brief in `options.paths` into `options.outDir`. */
export async function buildBriefs(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? 'out');
  const formats = options.formats?.length ? options.formats : allFormats;
  const briefs = await loadBriefs(options);
  const valid = briefs.filter((loaded) => loaded.brief !== null);
  const templateFiles = new Map<string, VFile>();
  const result: BuildResult = { briefs, files: briefs.map((loaded) => loaded.file), written: [], failures: [], durationMs: 0 };
  options.onEvent?.({ type: 'start', total: valid.length });

  let printer: Printer | undefined;
  let relaunched = false;
  try {
    if (formats.includes('pdf') && valid.length > 0) {
      printer = await Printer.launch({ chrome: options.chrome, concurrency: options.concurrency });
      options.onEvent?.({ type: 'browser', path: printer.chrome.path, reason: printer.chrome.reason });
    }
    let next = 0;
    const worker = async () => {
      while (next < valid.length) {
        const index = next++;
        const loaded = valid[index]!;
        options.onEvent?.({ type: 'brief', path: loaded.file.path, index, total: valid.length });
        try {
          await buildOne(loaded, formats, outDir, options, printer, result);
        } catch (error) {
          if (error instanceof TemplateError) {
            recordTemplateError(error, templateFiles);
            continue;
          }
          result.failures.push({ path: loaded.file.path, error: error as Error });
          if (printer && !printer.connected && !relaunched) {
            // A crashed browser fails the brief it was printing; the rest get one fresh browser.
            relaunched = true;
            await printer.relaunch();
          }
        }
      }
    };
    const workers = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), valid.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await printer?.close();
  }
  result.files.push(...templateFiles.values());
  result.durationMs = performance.now() - started;
  return result;
}

async function buildOne(loaded: LoadedBrief, formats: readonly Format[], outDir: string, options: BuildOptions, printer: Printer | undefined, result: BuildResult) {
  const brief = loaded.brief!;
  // Render everything first, then write: a failure in one format leaves every old output in place.
  const outputs: Array<{ format: Format; data: string | Uint8Array }> = [];
  for (const format of formats) {
    outputs.push({ format, data: await renderBrief(brief, format, { templates: options.templates, cwd: options.cwd, printer, env: options.env }) });
  }
  for (const { format, data } of outputs) {
    const path = join(outDir, `${brief.meta.id}.${format}`);
    await writeFileAtomic(path, data);
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    result.written.push({ path, format, bytes, brief: loaded.file.path });
    options.onEvent?.({ type: 'written', path, format, bytes });
  }
}

function recordTemplateError(error: TemplateError, files: Map<string, VFile>): void {
  const key = `${error.template}:${error.line}:${error.column}:${error.reason}`;
  if (files.has(key)) return;
  const file = new VFile({ path: error.template });
  const place = error.line === undefined ? undefined : { line: error.line, column: error.column ?? 1 };
  report(file, 'template-error', place, { reason: error.reason });
  files.set(key, file);
}
