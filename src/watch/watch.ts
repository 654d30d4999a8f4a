/**
 * `watchBriefs`: builds, then rebuilds on every change of a brief, a template, a partial, the
 * CSS or the config. Every rebuild is a `buildBriefs` in one build session — the same lock,
 * duplicate-id check, cache, manifest and index as `build`, and one Chromium kept open — so the
 * cache decides what an edit re-renders. The watcher listens before the first build starts, and a
 * save made during a build starts another when it ends, so no save is lost. Problems are
 * reported in events, never thrown, so a watch survives any broken brief or template.
 */
import { basename, join, resolve, sep } from 'node:path';
import type { VFile } from 'vfile';
import { findConfigFile } from '../config/config.js';
import { buildBriefs, type BuildOptions } from '../engine/build.js';
import type { BuildResult } from '../engine/build-result.js';
import { formats as allFormats, type Format } from '../render/formats.js';
import { manifestFileName, readManifest } from '../publish/manifest.js';
import { assertSeparateOutDir } from '../io/out-dir.js';
import { BuildSession } from '../engine/session.js';
import { lintTemplates } from '../render/lint/lint-templates.js';
import { builtinTemplatesDir, projectTemplatesDir, templateDirs } from '../render/template-files.js';
import { RebuildQueue } from './rebuild-queue.js';
import { BriefStatuses, type BriefStatus } from './statuses.js';
import { startWatcher, type Watcher } from './watcher.js';

export type { BriefStatus } from './statuses.js';

export interface WatchOptions extends Omit<BuildOptions, 'onEvent'> {
  /** Quiet time after the last change before rebuilding (default 20 ms). */
  debounceMs?: number | undefined;
  onEvent?: ((event: WatchEvent) => void) | undefined;
}

export type WatchEvent =
  | { type: 'written'; brief: string; id: string; format: Format; path: string }
  | {
      type: 'rebuilt';
      reason: 'start' | 'brief' | 'template';
      rebuilt: BriefStatus[];
      files: VFile[];
      failures: Array<{ path: string; error: Error }>;
      briefCount: number;
      durationMs: number;
    };

export interface WatchHandle {
  /** Resolves after the first build, once the watcher is listening. */
  ready: Promise<void>;
  /** Every brief's status, by absolute path. */
  briefs(): BriefStatus[];
  /** Template problems of the last rebuild (lint and render failures). */
  templateFiles(): VFile[];
  /** Resolves once every change seen so far is built. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts watching; see the module comment. */
export function watchBriefs(options: WatchOptions = {}): WatchHandle {
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = (options.paths?.length ? options.paths : ['briefs']).map((path) => resolve(cwd, path));
  const outDir = resolve(cwd, options.outDir ?? 'out');
  assertSeparateOutDir(outDir, { cwd, paths });
  const statuses = new BriefStatuses(cwd);
  const session = new BuildSession(options);
  let templateProblems: VFile[] = [];
  let watcher: Watcher | undefined;

  // The built-in defaults are not watched: they change only with briefsmith itself.
  const watchedTemplateDirs = () => templateDirs({ templates: options.templates, cwd }).filter((dir) => dir !== builtinTemplatesDir);
  const configFile = findConfigFile(cwd);
  // Template folders are watched even before they exist, so a first override (eject) counts.
  const templateFolders = [...new Set([...(options.templates ? [resolve(cwd, options.templates)] : []), projectTemplatesDir(cwd), ...watchedTemplateDirs()])];
  const isTemplate = (path: string) =>
    path === configFile || templateFolders.includes(path) || (/\.(hbs|css)$/.test(path) && watchedTemplateDirs().some((dir) => path.startsWith(dir + sep)));
  const isBrief = (path: string) => path.endsWith('.md') && basename(path).toLowerCase() !== 'readme.md';

  async function build(changed: string[]): Promise<void> {
    const reason = changed.length === 0 ? 'start' : changed.some(isTemplate) ? 'template' : 'brief';
    if (reason === 'brief' && !changed.some(isBrief)) return;
    if (reason !== 'brief') templateProblems = lintTemplates({ templates: options.templates, cwd });
    const started = performance.now();
    let result: BuildResult;
    try {
      result = await buildBriefs(
        { ...options, cwd, paths, outDir, formats: options.formats?.length ? options.formats : allFormats, onEvent: forward },
        session,
      );
    } catch (error) {
      const failure = { path: changed[0] ?? cwd, error: error instanceof Error ? error : new Error(String(error)) };
      options.onEvent?.({
        type: 'rebuilt',
        reason,
        rebuilt: [],
        files: [],
        failures: [failure],
        briefCount: statuses.size,
        durationMs: performance.now() - started,
      });
      return;
    }
    const rebuilt = statuses.update(result, (await readManifest(join(outDir, manifestFileName))).manifest);
    const failedTemplates = [...new Set(result.blocked.map((entry) => entry.template))];
    if (reason !== 'brief') templateProblems = [...templateProblems, ...failedTemplates];
    options.onEvent?.({
      type: 'rebuilt',
      reason,
      rebuilt,
      failures: result.failures,
      briefCount: statuses.size,
      files: [...rebuilt.map((status) => status.files[0]!), ...(reason === 'brief' ? [] : templateProblems), ...(reason === 'brief' ? failedTemplates : [])],
      durationMs: performance.now() - started,
    });
  }

  function forward(event: Parameters<NonNullable<BuildOptions['onEvent']>>[0]): void {
    if (event.type === 'written') options.onEvent?.({ type: 'written', brief: event.brief, id: event.id, format: event.format, path: event.path });
  }

  const queue = new RebuildQueue(build, options.debounceMs ?? 20);
  const ready = (async () => {
    const watched = [...new Set([...paths, ...templateFolders, ...(configFile ? [configFile] : [])])];
    watcher = await startWatcher(
      watched,
      (path) => queue.changed(resolve(cwd, path)),
      (path) => path.startsWith(outDir + sep) || path === outDir || /^(\.|node_modules$)/.test(basename(path)),
    );
    await queue.start();
  })();

  return {
    ready,
    briefs: () => statuses.all(),
    templateFiles: () => templateProblems,
    idle: async () => {
      await ready.catch(() => undefined);
      await queue.idle();
    },
    async close() {
      await ready.catch(() => undefined);
      await watcher?.close();
      await queue.close();
      await session.close();
    },
  };
}
