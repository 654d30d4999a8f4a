import { codeFrame } from './code-frame.js';
import { blockProblem } from './template-blocks.js';

/** A template that fails to compile or render, located in its file for the person who edits it. */
export class TemplateError extends Error {
  constructor(
    readonly template: string,
    readonly reason: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    /** A few lines of the template with a caret at the position; empty when unknown. */
    readonly frame = '',
  ) {
    super(`${template}${line === undefined ? '' : `:${line}:${column ?? 1}`}: ${reason}${frame ? `\n${frame}` : ''}`);
    this.name = 'TemplateError';
  }
}

interface HandlebarsProblem {
  message?: string;
  lineNumber?: number;
  column?: number;
  loc?: { start?: { line: number; column: number } };
}

/**
 * Converts a Handlebars parse/runtime error (or a helper error with `loc`) into a TemplateError,
 * with a code frame when the template's `source` is given.
 */
export function toTemplateError(error: unknown, template: string, source?: string): TemplateError {
  if (error instanceof TemplateError) return error;
  const problem = (error ?? {}) as HandlebarsProblem;
  const message = String(problem.message ?? error);
  // A parse error about blocks is reported at the tag at fault, in words, not at the end of the file.
  const blocks = source !== undefined && /Parse error|doesn't match/.test(message) ? blockProblem(source) : undefined;
  if (blocks) return new TemplateError(template, blocks.reason, blocks.line, blocks.column, codeFrame(source!, blocks.line, blocks.column));
  const parseLine = /Parse error on line (\d+)/.exec(message);
  const line = problem.loc?.start?.line ?? problem.lineNumber ?? (parseLine ? Number(parseLine[1]) : undefined);
  const rawColumn = problem.loc?.start?.column ?? problem.column;
  // Handlebars columns are 0-based; editors count from 1.
  const column = rawColumn === undefined ? undefined : rawColumn + 1;
  const reason = message
    .replace(/ - \d+:\d+$/, '')
    .replace(/^Parse error on line \d+:\n/, 'Parse error:\n')
    .replace(
      / not defined in \[object Object\]$/,
      ' not defined here (docs/templates.md lists the fields each template sees; `briefsmith templates lint` checks every one)',
    );
  return new TemplateError(template, reason, line, column, source === undefined ? '' : codeFrame(source, line, column));
}
