/**
 * The one family of errors briefsmith throws for usage and environment problems (a missing
 * file, no Chromium, a held lock, a bad config). Content problems are never thrown: they are
 * vfile messages. Each error carries the exit code the CLI ends with, so a caller of the library
 * can tell them apart with `instanceof BriefsmithError` and `error.exitCode`.
 */
export class BriefsmithError extends Error {
  /** 2: usage or environment; 1: content the caller should have checked (see the README's exit codes). */
  readonly exitCode: 1 | 2;

  constructor(message: string, options?: { cause?: unknown; exitCode?: 1 | 2 }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options?.exitCode ?? 2;
    this.name = new.target.name;
  }
}
