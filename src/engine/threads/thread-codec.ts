/**
 * What crosses between the build and its worker processes. Structured cloning keeps plain data
 * but not classes: a VFile, its messages and a TemplateError go across as plain objects and are
 * rebuilt on the other side, so callers never see which thread did the work.
 */
import { TemplateError } from '../../render/template-error.js';
import type { BriefJobResult } from '../brief-job.js';
import { decodeFile, encodeFile, type PlainFile } from '../../cache/plain-file.js';
import type { CrossingOutput } from './shared-fonts.js';

interface PlainTemplateError {
  template: string;
  reason: string;
  line: number | undefined;
  column: number | undefined;
  frame: string;
}

export type PlainJobResult = Omit<BriefJobResult, 'file' | 'templateError' | 'renderError' | 'outputs'> & {
  /** Whole again (FontReceiver) before the result is decoded. */
  outputs: CrossingOutput[];
  file: PlainFile;
  templateError: PlainTemplateError | null;
  renderError: PlainError | null;
};

export interface PlainError {
  name: string;
  message: string;
  stack: string | undefined;
  code: unknown;
  exitCode: unknown;
  /** A system error's file and call (a staged output that could not be written): what the CLI names it by. */
  path: unknown;
  syscall: unknown;
}

/**
 * A job result as plain data for `postMessage`; `lean`, without its model (BriefJob.lean) and,
 * when it has no problems, without its text: the build keeps a lean brief's text only to show its
 * problems, and the text was a third of what crossed for a cached brief.
 */
export function encodeJobResult(result: BriefJobResult, lean = false): PlainJobResult {
  const error = result.templateError;
  return {
    ...result,
    brief: lean ? null : result.brief,
    file: encodeFile(result.file, !lean || result.file.messages.length > 0),
    templateError: error ? { template: error.template, reason: error.reason, line: error.line, column: error.column, frame: error.frame } : null,
    renderError: result.renderError ? encodeError(result.renderError) : null,
  };
}

/** The job result a worker posted, with its file and template error rebuilt. */
export function decodeJobResult(plain: PlainJobResult): BriefJobResult {
  const error = plain.templateError;
  return {
    ...plain,
    outputs: plain.outputs.map((output) => {
      if ('head' in output) throw new Error('A page crossed from a worker was not joined with its fonts');
      return output;
    }),
    file: decodeFile(plain.file),
    templateError: error ? new TemplateError(error.template, error.reason, error.line, error.column, error.frame) : null,
    renderError: plain.renderError ? decodeError(plain.renderError) : null,
  };
}

/** An error thrown in a worker (a bug or an environment failure), as plain data. */
export function encodeError(error: unknown): PlainError {
  const value = error instanceof Error ? error : new Error(String(error));
  const extra = value as Error & { code?: unknown; exitCode?: unknown; path?: unknown; syscall?: unknown };
  return { name: value.name, message: value.message, stack: value.stack, code: extra.code, exitCode: extra.exitCode, path: extra.path, syscall: extra.syscall };
}

/** The worker's error as an Error on this thread, keeping its name, stack, code, exit code, and a system error's path and call. */
export function decodeError(plain: PlainError): Error {
  const error = new Error(plain.message) as Error & { code?: unknown; exitCode?: unknown; path?: unknown; syscall?: unknown };
  error.name = plain.name;
  if (plain.stack) error.stack = plain.stack;
  if (plain.code !== undefined) error.code = plain.code;
  if (plain.exitCode !== undefined) error.exitCode = plain.exitCode;
  if (plain.path !== undefined) error.path = plain.path;
  if (plain.syscall !== undefined) error.syscall = plain.syscall;
  return error;
}
