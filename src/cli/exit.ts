/** Maps errors to exit codes and one readable line: no stack traces for expected failures. */
import { ChromeNotFoundError } from '../pdf/locate.js';
import { MissingPathError } from '../build/find.js';

/** The exit code an error deserves: 2 for usage and environment problems, 70 for bugs. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof ChromeNotFoundError || error instanceof MissingPathError) return 2;
  const named = error as { name?: string; exitCode?: number; code?: string };
  if (typeof named?.exitCode === 'number') return named.exitCode;
  if (named?.name === 'CACError') return 2;
  if (typeof named?.code === 'string' && /^E(ACCES|NOSPC|ROFS|NOTDIR|EXIST|ISDIR|PERM|NOENT)$/.test(named.code)) return 2;
  return 70;
}

/** Prints the error for a person and sets the exit code. */
export function fail(error: unknown): void {
  const code = exitCodeFor(error);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(code === 70 ? `briefsmith: internal error (a bug, please report it):\n${(error as Error)?.stack ?? message}\n` : `briefsmith: ${message}\n`);
  process.exitCode = code;
}
