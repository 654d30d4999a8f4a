/** `--max-warnings N` (ESLint's meaning) and the "no briefs found" line, shared by check and build. */
import type { Problem } from '../errors/format.js';

/** True, after saying so on stderr, when the warnings exceed `maxWarnings` (undefined: no limit). */
export function tooManyWarnings(problems: readonly Problem[], maxWarnings: number | undefined): boolean {
  if (maxWarnings === undefined) return false;
  const warnings = problems.filter((problem) => problem.severity === 'warning').length;
  if (warnings <= maxWarnings) return false;
  process.stderr.write(`briefsmith: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows\n`);
  return true;
}

/** The usage error for paths that hold no brief. */
export function noBriefs(paths: readonly string[]): string {
  const where = paths.length === 0 ? 'briefs/' : paths.join(', ');
  return `No briefs found in ${where}: a brief is a .md file (README.md is skipped)`;
}
