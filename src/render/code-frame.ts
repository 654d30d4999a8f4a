/** A few lines of a template around a position, with a caret, for error messages. */
import { createRequire } from 'node:module';

// Loaded only when an error is shown: a build that has none never needs it.
const require = createRequire(import.meta.url);

/** The lines around `line`:`column` (both 1-based) of `source`; empty when the line is unknown. */
export function codeFrame(source: string, line: number | undefined, column: number | undefined, endColumn?: number): string {
  if (line === undefined || line < 1) return '';
  const start = { line, column: column ?? 1 };
  const end = endColumn !== undefined && endColumn > start.column ? { line, column: endColumn } : undefined;
  const { codeFrameColumns } = require('@babel/code-frame') as typeof import('@babel/code-frame');
  return codeFrameColumns(source, end ? { start, end } : { start }, { linesAbove: 2, linesBelow: 1, highlightCode: false });
}
