/**
 * `watchBriefs`: builds, then rebuilds on every change of a brief, a template, a partial, the
 * CSS or the config. Every rebuild is a `buildBriefs` in one build session — the same lock,
 * duplicate-id check, cache, manifest and index as `build`, and one Chromium kept open — so the
 * cache decides what an edit re-renders. The watcher listens before the first build starts, and a
 * save made during a build starts another when it ends, so no save is lost. Problems are
 * reported in events, never thrown, so a watch survives any broken brief or template.
 */
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../config/config.js';
import { checkDeclaredNames } from '../model/declared-fields.js';
import { buildBriefs, type BuildOptions } from '../engine/build.js';
import type { BuildResult } from '../engine/build-result.js';
import { formats as allFormats } from '../render/formats.js';
import { manifestFileName, readManifest } from '../publish/manifest.js';
import { assertSeparateOutDir } from '../io/out-dir.js';
import { BuildSession } from '../engine/session.js';
import { lintTemplates } from '../render/lint/lint-templates.js';
import { RebuildQueue } from './rebuild-queue.js';
import { BriefStatuses } from './statuses.js';
import { startWatcher, type Watcher } from './watcher.js';
import { watchedPaths } from './watched-paths.js';

export type { BriefStatus } from './statuses.js';
import type { WatchEvent, WatchHandle, WatchOptions, WatchRun } from './watch-types.js';

export type { WatchEvent, WatchHandle, WatchOptions } from './watch-types.js';

/** Starts watching; see the module comment. */
export function watchBriefs(options: WatchOptions = {}): WatchHandle {
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = (options.paths?.length ? options.paths : ['briefs']).map((path) => resolve(cwd, path));
  const outDir = resolve(cwd, options.outDir ?? 'out');
  assertSeparateOutDir(outDir, { cwd, paths });
  const watching = watchedPaths(options, cwd, paths, outDir);
  const run: WatchRun = {
    options,
    cwd,
    paths,
    outDir,
    statuses: new BriefStatuses(cwd),
    // The preview is what the writer waits for: HTML before the PDF is printed.
    session: new BuildSession({ ...options, preview: true }),
    watching,
    templateProblems: [],
    fields: options.fields,
  };
  let watcher: Watcher | undefined;
  const queue = new RebuildQueue((changed) => rebuild(run, changed), options.debounceMs ?? 5);
  const ready = (async () => {
    watcher = await startWatcher(watching.watched, (path) => queue.changed(resolve(cwd, path)), watching.ignored);
    await queue.start();
  })();
  return {
    ready,
    briefs: () => run.statuses.all(),
    templateFiles: () => run.templateProblems,
    idle: async () => {
      await ready.catch(() => undefined);
      await queue.idle();
    },
    async close() {
      await ready.catch(() => undefined);
      await watcher?.close();
      await queue.close();
      await run.session.close();
    },
  };
}

/** One rebuild for the paths that changed (none: the first build); reports what it did in one event. */
async function rebuild(run: WatchRun, changed: string[]): Promise<void> {
  const { options, cwd, statuses, watching } = run;
  const reason = changed.length === 0 ? 'start' : changed.some(watching.isTemplate) ? 'template' : 'brief';
  if (reason === 'brief' && !changed.some(watching.isBrief)) return;
  const started = performance.now();
  const report = (outcome: Pick<Extract<WatchEvent, { type: 'rebuilt' }>, 'rebuilt' | 'files' | 'failures'>) =>
    options.onEvent?.({ type: 'rebuilt', reason, ...outcome, briefCount: statuses.size, durationMs: performance.now() - started });
  let result: BuildResult;
  try {
    if (watching.configFile && changed.includes(watching.configFile)) run.fields = await reloadFields(watching.configFile);
    if (reason !== 'brief') run.templateProblems = lintTemplates({ templates: options.templates, cwd, fields: run.fields });
    const formats = options.formats?.length ? options.formats : allFormats;
    result = await buildBriefs(
      { ...options, cwd, paths: run.paths, outDir: run.outDir, fields: run.fields, formats, onEvent: forwarder(options) },
      run.session,
    );
  } catch (error) {
    report({ rebuilt: [], files: [], failures: [{ path: changed[0] ?? cwd, error: error instanceof Error ? error : new Error(String(error)) }] });
    return;
  }
  const rebuilt = statuses.update(result, (await readManifest(join(run.outDir, manifestFileName))).manifest);
  const failedTemplates = [...new Set(result.blocked.map((entry) => entry.template))];
  if (reason !== 'brief') run.templateProblems = [...run.templateProblems, ...failedTemplates];
  const templateFiles = reason === 'brief' ? failedTemplates : run.templateProblems;
  report({ rebuilt, failures: result.failures, files: [...rebuilt.map((status) => status.files[0]!), ...templateFiles] });
}

/** The build's `written` events, passed on as the watch's own. */
function forwarder(options: WatchOptions): BuildOptions['onEvent'] {
  return (event) => {
    if (event.type === 'written') options.onEvent?.({ type: 'written', brief: event.brief, id: event.id, format: event.format, path: event.path });
  };
}

/** The declared fields of the config at `path` as saved now; a bad config throws (the rebuild reports it). */
async function reloadFields(path: string): Promise<BuildOptions['fields']> {
  const config = await loadConfig(dirname(path));
  checkDeclaredNames(config.fields, path);
  return config.fields;
}
