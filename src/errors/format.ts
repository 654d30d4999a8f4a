/**
 * Reporters for content problems: the human format (`path:line:column  severity  message  rule`),
 * JSON for tools, and GitHub Actions annotations.
 */
import type { VFile } from 'vfile';

export type ReporterName = 'human' | 'json' | 'github';

export interface Problem {
  file: string;
  line: number;
  column: number;
  endLine: number | null;
  endColumn: number | null;
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
  /** What to do about it (the catalogue's hint), or null. */
  hint: string | null;
  /** Lines of a template around the problem, with a caret (template problems only). */
  frame?: string;
}

/** The code frame a template problem keeps on its message's `cause` (a TemplateError). */
const frameOf = (cause: unknown) => {
  const frame = (cause as { frame?: unknown } | undefined)?.frame;
  return typeof frame === 'string' && frame ? { frame } : {};
};

/** Flattens every file's messages into one list, in file then position order, each problem once. */
export function problemsOf(files: readonly VFile[]): Problem[] {
  const problems = files.flatMap((file) =>
    file.messages.map((message) => ({
      file: file.path || '<input>',
      line: message.place && 'start' in message.place ? message.place.start.line : (message.line ?? 1),
      column: message.place && 'start' in message.place ? message.place.start.column : (message.column ?? 1),
      endLine: message.place && 'end' in message.place ? message.place.end.line : null,
      endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
      severity: message.fatal ? ('error' as const) : ('warning' as const),
      ruleId: message.ruleId ?? 'unknown',
      message: message.reason,
      hint: message.note ?? null,
      ...frameOf(message.cause),
    })),
  );
  return withoutRepeats(problems);
}

/**
 * `watch` and `serve` see a broken template twice, from the template lint and from the render that
 * then fails on it (for the same tag, with Handlebars' own words); each brief it blocks carries the
 * render failure too. A problem is shown once: an exact repeat is dropped, and so is a render
 * failure (`template-error`) at a template line that another problem already reports.
 */
function withoutRepeats(problems: readonly Problem[]): Problem[] {
  const lineOf = (problem: Problem) => `${problem.file}:${problem.line}`;
  // Lines a lint rule reports: a render failure there is the same problem in other words.
  const linted = new Set(problems.filter((problem) => problem.ruleId.startsWith('template-') && problem.ruleId !== 'template-error').map(lineOf));
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key =
      problem.ruleId === 'template-error' ? lineOf(problem) : JSON.stringify([problem.file, problem.line, problem.column, problem.ruleId, problem.message]);
    if (seen.has(key) || (problem.ruleId === 'template-error' && linted.has(key))) return false;
    seen.add(key);
    return true;
  });
}

/** "2 errors, 1 warning in 3 briefs". */
export function summary(problems: readonly Problem[], briefs: number): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(briefs, 'brief')}`;
}

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Formats problems for one reporter; the human format ends with a summary line. */
export function formatProblems(problems: readonly Problem[], reporter: ReporterName, briefs: number): string {
  if (reporter === 'json') {
    // Exactly the documented fields, in this order: tools parse this shape.
    const records = problems.map(({ file, line, column, endLine, endColumn, severity, ruleId, message, hint }) => ({
      file,
      line,
      column,
      endLine,
      endColumn,
      severity,
      ruleId,
      message,
      hint,
    }));
    return `${JSON.stringify(records, null, 2)}\n`;
  }
  if (reporter === 'github') {
    return problems
      .map((problem) => {
        const end = problem.endLine === null ? '' : `,endLine=${problem.endLine},endColumn=${problem.endColumn}`;
        const help = problem.hint ? `\nhelp: ${problem.hint}` : '';
        return `::${problem.severity} file=${escapeProperty(problem.file)},line=${problem.line},col=${problem.column}${end},title=${escapeProperty(problem.ruleId)}::${escapeData(problem.message + help)}\n`;
      })
      .join('');
  }
  // Like rustc: the problem, the template's lines when there are any, then what to do about it.
  const lines = problems.map(
    (problem) =>
      `${problem.file}:${problem.line}:${problem.column}  ${problem.severity.padEnd(7)}  ${problem.message}  ${problem.ruleId}${problem.frame ? `\n${problem.frame.replace(/^/gm, '    ')}` : ''}${problem.hint ? `\n    help: ${problem.hint}` : ''}`,
  );
  return `${[...lines, summary(problems, briefs)].join('\n')}\n`;
}
