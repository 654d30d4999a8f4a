/** `briefsmith watch`: rebuild on every change and print the check results; runs until Ctrl-C. */
import { relative } from 'node:path';
import { formatProblems, problemsOf } from '../../errors/format.js';
import { watchBriefs, type WatchEvent, type WatchHandle, type WatchOptions } from '../../watch/watch.js';
import { buildOptions } from '../build-options.js';

/** Options shared by `watch` and `serve`: every build option. */
export function watchOptions(paths: string[], flags: Record<string, unknown>): Promise<WatchOptions> {
  return buildOptions(paths, flags);
}

/** Prints one rebuild: the problems of what was rebuilt, then a one-line summary. */
export function printRebuild(event: WatchEvent): void {
  if (event.type !== 'rebuilt') return;
  const cwd = process.cwd();
  const clock = new Date().toTimeString().slice(0, 8);
  const problems = problemsOf(event.files);
  if (problems.length > 0) process.stdout.write(formatProblems(problems, 'human', event.rebuilt.length));
  for (const failure of event.failures) process.stderr.write(`briefsmith: ${relative(cwd, failure.path)}: ${failure.error.message}\n`);
  const built = event.rebuilt.filter((status) => status.ok).map((status) => status.id);
  const what = event.reason === 'template' ? 'templates changed: ' : '';
  process.stdout.write(
    `[${clock}] ${what}rebuilt ${built.length} of ${event.rebuilt.length} (${built.join(', ') || 'none'}) in ${Math.round(event.durationMs)} ms; watching…\n`,
  );
}

/** Resolves when the process is asked to stop; the watch is closed first. */
export function untilStopped(handle: WatchHandle, extra?: () => Promise<void>): Promise<number> {
  return new Promise((done) => {
    const stop = (code: number) => () => {
      void (async () => {
        await extra?.();
        await handle.close();
        done(code);
      })();
    };
    process.once('SIGINT', stop(130));
    process.once('SIGTERM', stop(143));
  });
}

/** Runs the watch until interrupted; content errors never end it. */
export async function runWatch(paths: string[], flags: Record<string, unknown>): Promise<number> {
  const handle = watchBriefs({ ...(await watchOptions(paths, flags)), onEvent: printRebuild });
  await handle.ready;
  process.stdout.write('Watching the briefs, templates and CSS; Ctrl-C stops.\n');
  return untilStopped(handle);
}
