/**
 * `watchBriefs`: builds once, then rebuilds on every change of a brief, a template, a partial
 * or the CSS — only what changed: an edited brief rebuilds that brief, an edited template
 * rebuilds every brief. One Chromium stays open across rebuilds. Problems are reported in
 * events, never thrown, so a watch survives any broken brief or template.
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import type { VFile } from 'vfile';
import { findConfigFile } from '../config/config.js';
import { loadBriefs, type LoadedBrief } from '../build/load.js';
import { formats as allFormats, type Format } from '../build/render-brief.js';
import { Printer } from '../pdf/printer.js';
import { lintTemplates } from '../render/lint/lint-templates.js';
import { builtinTemplatesDir, templateDirs } from '../render/templates.js';
import { assertSeparateOutDir } from '../build/out-dir.js';
import { rebuild } from './rebuild.js';
import { startWatcher, type Watcher } from './watcher.js';

export interface WatchOptions {
  /** Brief files or folders (default `briefs`). */
  paths?: readonly string[] | undefined;
  cwd?: string | undefined;
  outDir?: string | undefined;
  formats?: readonly Format[] | undefined;
  /** Templates folder (already resolved from the flag or the config file). */
  templates?: string | undefined;
  chrome?: string | undefined;
  /** Quiet time after the last change before rebuilding (default 20 ms). */
  debounceMs?: number | undefined;
  onEvent?: ((event: WatchEvent) => void) | undefined;
}

/** The state of one brief after the last rebuild that touched it. */
export interface BriefStatus {
  path: string;
  /** The brief's id, or (while it has errors) its last good id, else its file name. */
  id: string;
  title: string | null;
  /** The brief's messages, then any template failure that kept its outputs from updating. */
  files: VFile[];
  /** False while the brief has errors or its outputs could not be rendered. */
  ok: boolean;
}

export type WatchEvent =
  | { type: 'written'; brief: string; id: string; format: Format; path: string }
  | { type: 'rebuilt'; reason: 'start' | 'brief' | 'template'; rebuilt: BriefStatus[]; files: VFile[]; failures: Array<{ path: string; error: Error }>; briefCount: number; durationMs: number };

export interface WatchHandle {
  /** Resolves after the first build, once the watcher is listening. */
  ready: Promise<void>;
  /** Every brief's status, by absolute path. */
  briefs(): BriefStatus[];
  /** Template problems of the last rebuild (lint and render failures). */
  templateFiles(): VFile[];
  close(): Promise<void>;
}

/** Starts watching; see the module comment. */
export function watchBriefs(options: WatchOptions = {}): WatchHandle {
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = (options.paths?.length ? options.paths : ['briefs']).map((path) => resolve(cwd, path));
  const outDir = resolve(cwd, options.outDir ?? 'out');
  assertSeparateOutDir(outDir, { cwd, paths });
  const formats = options.formats?.length ? options.formats : allFormats;
  const statuses = new Map<string, BriefStatus>();
  let templateProblems: VFile[] = [];
  let printer: Promise<Printer> | undefined;
  let watcher: Watcher | undefined;
  let closed = false;

  const target = {
    cwd, outDir, formats, templates: options.templates,
    printer: () => (printer ??= Printer.launch({ chrome: options.chrome, concurrency: 1 })),
    onWritten: (written: { brief: string; id: string; format: Format; path: string }) => options.onEvent?.({ type: 'written', ...written }),
  };
  const watchedTemplateDirs = () => templateDirs({ templates: options.templates, cwd })
    .filter((dir) => dir !== builtinTemplatesDir || dir === join(cwd, 'templates'));
  const isTemplate = (path: string) => /\.(hbs|css)$/.test(path) && watchedTemplateDirs().some((dir) => path.startsWith(dir + sep));
  const configFile = findConfigFile(cwd);
  // Template folders are watched even before they exist, so a first override (eject) counts.
  const templateFolders = [...new Set([...(options.templates ? [resolve(cwd, options.templates)] : []), join(cwd, 'templates'), ...watchedTemplateDirs()])];

  async function run(reason: 'start' | 'brief' | 'template', changed: readonly string[]): Promise<void> {
    const started = performance.now();
    let targets: LoadedBrief[] = [];
    const previousStatuses = new Map(statuses);
    if (reason === 'brief') {
      for (const path of changed) if (!existsSync(path)) statuses.delete(path);
      const present = changed.filter((path) => existsSync(path));
      targets = present.length > 0 ? await loadBriefs({ paths: present, cwd }) : [];
    } else {
      targets = await loadBriefs({ paths: paths.filter((path) => existsSync(path)), cwd });
      statuses.clear();
      templateProblems = lintTemplates({ templates: options.templates, cwd });
    }
    const result = await rebuild(targets, target);
    const rebuilt = targets.map((loaded) => {
      const previous = previousStatuses.get(loaded.path);
      const blocked = result.blocked.get(loaded.path) ?? [];
      const failure = result.failures.find((each) => each.path === loaded.path);
      const status: BriefStatus = {
        path: loaded.path,
        id: loaded.brief?.meta.id ?? previous?.id ?? basename(loaded.path, '.md'),
        title: loaded.brief?.meta.title ?? previous?.title ?? null,
        files: [loaded.file, ...blocked],
        ok: loaded.brief !== null && blocked.length === 0 && !failure,
      };
      statuses.set(loaded.path, status);
      return status;
    });
    const lint = reason === 'brief' ? [] : templateProblems;
    if (reason !== 'brief') templateProblems = [...templateProblems, ...result.templateFiles];
    options.onEvent?.({
      type: 'rebuilt', reason, rebuilt, failures: result.failures, briefCount: statuses.size,
      files: [...rebuilt.map((status) => status.files[0]!), ...lint, ...result.templateFiles],
      durationMs: performance.now() - started,
    });
  }

  // Changes are collected while a rebuild runs and handled together after it.
  let queue = Promise.resolve();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    const changed = [...pending];
    pending.clear();
    const templates = changed.some((path) => isTemplate(path) || path === configFile || templateFolders.includes(path));
    const briefs = changed.filter((path) => path.endsWith('.md') && basename(path).toLowerCase() !== 'readme.md' && !isTemplate(path));
    if (!templates && briefs.length === 0) return;
    const reason = templates ? 'template' : 'brief';
    // One failed rebuild must not end the watch: every later change is chained on this promise.
    queue = queue.then(() => (closed ? undefined : run(reason, briefs))).catch((error: unknown) => {
      const failure = { path: changed[0] ?? cwd, error: error instanceof Error ? error : new Error(String(error)) };
      options.onEvent?.({ type: 'rebuilt', reason, rebuilt: [], files: [], failures: [failure], briefCount: statuses.size, durationMs: 0 });
    });
  };
  const onChange = (path: string) => {
    pending.add(resolve(cwd, path));
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? 20);
  };

  const ready = (async () => {
    queue = run('start', []);
    await queue;
    const watched = [...new Set([...paths, ...templateFolders, ...(configFile ? [configFile] : [])])];
    watcher = await startWatcher(watched, onChange, (path) => path.startsWith(outDir + sep) || /^(\.|node_modules$)/.test(basename(path)));
  })();

  return {
    ready,
    briefs: () => [...statuses.values()].sort((left, right) => left.path.localeCompare(right.path)),
    templateFiles: () => templateProblems,
    async close() {
      closed = true;
      clearTimeout(timer);
      await ready.catch(() => undefined);
      await watcher?.close();
      await queue.catch(() => undefined);
      const launched = await printer?.catch(() => undefined);
      await launched?.close();
    },
  };
}
