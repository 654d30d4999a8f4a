/** `briefsmith build`: prints one line per written file, problems, and a summary with the time. */
import { relative } from 'node:path';
import { rmSync } from 'node:fs';
import { buildBriefs } from '../../engine/build.js';
import { pendingTempFiles } from '../../io/write.js';
import { formatProblems, problemsOf } from '../../errors/format.js';
import { buildOptions } from '../build-options.js';
import { parseCount, parseUrl, UsageError } from '../flags.js';
import { parseShard } from '../../publish/shard.js';
import { noBriefs, tooManyWarnings } from '../max-warnings.js';
import { killAllBrowsers } from '../../print/printer.js';
import { describeError } from '../exit.js';

function onSignal(signal: NodeJS.Signals, code: number) {
  process.once(signal, () => {
    // process.exit skips every `finally`: kill Chromium and remove temp files here.
    killAllBrowsers();
    for (const temporary of pendingTempFiles()) rmSync(temporary, { force: true });
    process.stderr.write(`\nbriefsmith: interrupted (${signal}); outputs already written are complete, nothing half-written was left.\n`);
    process.exit(code);
  });
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Runs the build and returns the exit code. */
export async function runBuild(paths: string[], flags: Record<string, unknown>): Promise<number> {
  onSignal('SIGINT', 130);
  onSignal('SIGTERM', 143);
  const cwd = process.cwd();
  const maxWarnings = parseCount('max-warnings', flags.maxWarnings, 0);
  const result = await buildBriefs({
    ...(await buildOptions(paths, flags)),
    site: flags.site === true,
    baseUrl: parseUrl('base-url', flags.baseUrl),
    shard: parseShard(flags.shard),
    keepModels: false,
    onEvent(event) {
      if (event.type === 'changes') process.stdout.write(`${event.id}: changes since ${event.since}: ${event.summary}\n`);
      if (event.type === 'written') process.stdout.write(`wrote ${relative(cwd, event.path)} (${size(event.bytes)})\n`);
      if (event.type === 'brief' && event.total > 1) process.stderr.write(`[${event.index + 1}/${event.total}] ${event.path}\n`);
    },
  });
  // A shard may be given none of the briefs; an unsharded build with none was pointed at the wrong place.
  if (flags.shard === undefined && result.briefs.length === 0 && result.unchanged.length === 0) throw new UsageError(noBriefs(paths));
  const problems = problemsOf(result.files);
  if (problems.length > 0) process.stderr.write(formatProblems(problems, 'human', result.briefs.length));
  for (const failure of result.failures) process.stderr.write(`briefsmith: ${failure.path}: ${describeError(failure.error)}\n`);
  const built = new Set(result.written.map((file) => file.brief)).size;
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const seconds = (result.durationMs / 1000).toFixed(2);
  for (const path of result.removed) process.stdout.write(`removed ${relative(cwd, path)} (its brief is gone)\n`);
  const invalid = result.briefs.filter((loaded) => !loaded.valid).length;
  const extra = [invalid > 0 ? `, ${invalid} with errors` : '', result.failures.length > 0 ? `, ${result.failures.length} failed` : ''].join('');
  // A build that fails says so first: "built 0, unchanged 0" reads like success.
  const failed = errors > 0 || result.failures.length > 0 ? 'build failed: ' : '';
  process.stdout.write(
    `${failed}built ${built}, unchanged ${result.unchanged.length}${extra} (${result.written.length} file${result.written.length === 1 ? '' : 's'} written) in ${seconds} s\n`,
  );
  if (result.failures.length > 0) return 2;
  if (errors > 0) return 1;
  return tooManyWarnings(problems, maxWarnings) ? 1 : 0;
}
