/** The state of one lint of a template set: its files, partials, helpers and what was read. */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { report } from '../../errors/report.js';
import type { DetailsOf, RuleId } from '../../errors/catalogue/index.js';
import { codeFrame } from '../code-frame.js';
import { TemplateError } from '../template-error.js';
import type { TemplateFormat } from '../template-files.js';
import type { Location, Program } from './ast.js';
import type { HelperSignature } from './helper-signatures.js';
import type { Value } from './values.js';

/** A parsed template file; `program` is null when it does not parse. */
export interface TemplateFile {
  path: string;
  source: string;
  program: Program | null;
  file: VFile;
}

/** One level of context: `this`, block parameters (`as |item|`) and data (`@index`). */
export interface Scope {
  context: Value;
  locals: ReadonlyMap<string, Value>;
  data: ReadonlySet<string>;
}

export interface LintRun {
  format: TemplateFormat;
  root: Value;
  helpers: Record<string, HelperSignature>;
  partials: ReadonlyMap<string, TemplateFile>;
  /** The template folders, highest priority first: where `{{asset "…"}}` looks. */
  dirs: readonly string[];
  /** Model paths read by any template, for the unused-part warnings. */
  used: Set<string>;
  /** Partial + context pairs already linted, so shared partials are walked once per context. */
  visited: Set<string>;
}

/** A 1-based unist position from a Handlebars location, narrowed to `columns` when given. */
export function placeOf(location: Location, columns?: { from: number; length: number }) {
  const line = location.start.line;
  if (columns) return { start: { line, column: columns.from + 1 }, end: { line, column: columns.from + 1 + columns.length } };
  return { start: { line, column: location.start.column + 1 }, end: { line: location.end.line, column: location.end.column + 1 } };
}

/**
 * Reports a lint problem once per position (a partial linted in several contexts would repeat
 * it), with a code frame kept on the message's `cause` for reporters that show frames.
 */
export function reportAt<R extends RuleId>(template: TemplateFile, rule: R, place: ReturnType<typeof placeOf>, details: DetailsOf<R>): void {
  const duplicate = template.file.messages.some(
    (message: VFileMessage) => message.ruleId === rule && message.line === place.start.line && message.column === place.start.column,
  );
  if (duplicate) return;
  const message = report<RuleId>(template.file, rule, place, details as never);
  const endColumn = place.end.line === place.start.line ? place.end.column : undefined;
  const frame = codeFrame(template.source, place.start.line, place.start.column, endColumn);
  message.cause = new TemplateError(template.path, message.reason, place.start.line, place.start.column, frame);
}
