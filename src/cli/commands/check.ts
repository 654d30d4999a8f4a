/** `briefsmith check`: parse and validate, print every problem, exit 1 on any error. */
import { checkBriefs } from '../../engine/check-briefs.js';
import { formatProblems, problemsOf, type ReporterName } from '../../errors/format.js';
import { lintTemplates } from '../../render/lint/lint-templates.js';
import { projectSettings } from '../project-config.js';
import { parseCount, parseString, UsageError } from '../flags.js';
import { noBriefs, tooManyWarnings } from '../max-warnings.js';
import { limitOptions } from '../limits.js';

const reporters: ReporterName[] = ['human', 'json', 'github'];

/** Runs the check and returns the exit code. */
export async function runCheck(paths: string[], flags: Record<string, unknown>): Promise<number> {
  const reporter = (parseString('reporter', flags.reporter) ?? 'human') as ReporterName;
  if (!reporters.includes(reporter)) throw new UsageError(`Unknown reporter \`${reporter}\`, expected ${reporters.join(', ')}`);
  const sourcesDir = parseString('sources-dir', flags.sourcesDir);
  const maxWarnings = parseCount('max-warnings', flags.maxWarnings, 0);
  const project = await projectSettings(parseString('templates', flags.templates));
  const { fields } = project.config;
  // Each brief on a worker process, under the time and memory limits: one hostile brief fails alone.
  const briefs = await checkBriefs({ paths, sourcesDir, fields, ...limitOptions(flags, project.config) });
  if (briefs.length === 0) throw new UsageError(noBriefs(paths));
  // Templates are linted on every check: a broken override breaks every brief's output.
  const templates = lintTemplates({ templates: project.templates, fields });
  const problems = problemsOf([...briefs.map((brief) => brief.file), ...templates]);
  process.stdout.write(formatProblems(problems, reporter, briefs.length));
  const quotes = briefs.reduce((sum, brief) => sum + brief.quotes, 0);
  // A line about quotes only when there are quotes: a line that reports nothing is noise.
  if (reporter === 'human' && quotes > 0) {
    const verified = briefs.reduce((sum, brief) => sum + brief.quotesVerified, 0);
    process.stdout.write(
      sourcesDir
        ? `Quotes: ${verified} of ${quotes} verified against ${sourcesDir}\n`
        : `Quotes: ${quotes} not verified (pass --sources-dir to check them against the sources)\n`,
    );
  }
  if (problems.some((problem) => problem.severity === 'error')) return 1;
  return tooManyWarnings(problems, maxWarnings) ? 1 : 0;
}
