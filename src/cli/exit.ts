/** Maps errors to exit codes and one readable line: no stack traces for expected failures. */
import { BriefsmithError } from '../errors/briefsmith-error.js';

/** The exit code an error deserves: 2 for usage and environment problems, 70 for bugs. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof BriefsmithError) return error.exitCode;
  const named = error as { name?: string; exitCode?: number; code?: string };
  if (typeof named?.exitCode === 'number') return named.exitCode;
  if (named?.name === 'CACError') return 2;
  if (typeof named?.code === 'string' && /^E(ACCES|NOSPC|DQUOT|ROFS|NOTDIR|EXIST|ISDIR|PERM|NOENT)$/.test(named.code)) return 2;
  return 70;
}

/** What file-system error codes mean to someone running a build. */
const fileProblems: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file is in the way',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'no such file or folder',
};

/** One line for a person: file-system errors say what went wrong where, in words, with the code. */
export function describeError(error: unknown): string {
  const problem = error as { code?: string; path?: string; dest?: string; syscall?: string; message?: string };
  const meaning = typeof problem?.code === 'string' ? fileProblems[problem.code] : undefined;
  // Name the output, not the temp file it was being written through (write.ts: `.name.pid.hex.tmp`).
  const path = (problem.dest ?? problem.path ?? '').replace(/(^|\/)\.([^/]+)\.\d+\.[0-9a-f]+\.tmp$/, '$1$2');
  if (meaning && path) return `cannot ${problem.syscall === 'mkdir' ? 'create the folder' : 'write'} ${path}: ${meaning} (${problem.code})`;
  return error instanceof Error ? error.message : String(error);
}

/** Prints the error for a person and sets the exit code. */
export function fail(error: unknown): void {
  const code = exitCodeFor(error);
  const message = describeError(error);
  process.stderr.write(
    code === 70 ? `briefsmith: internal error (a bug, please report it):\n${(error as Error)?.stack ?? message}\n` : `briefsmith: ${message}\n`,
  );
  process.exitCode = code;
}
