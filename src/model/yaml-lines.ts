/** Lines of front matter YAML, and the one-line mends a diagnosis makes (yaml-errors.ts). */

export interface YamlProblem {
  /** Offset in the YAML text. */
  offset: number;
  found: string;
  expected: string;
  hint: string;
}

export interface YamlDiagnosis {
  problem: YamlProblem;
  /** The text with this slip mended on its own line, or undefined when it cannot be mended. */
  mended?: string | undefined;
}

export interface Line {
  start: number;
  text: string;
  next: number;
}

export const lineAt = (text: string, offset: number): Line => {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, text: text.slice(start, end === -1 ? undefined : end), next: end === -1 ? text.length : end + 1 };
};
export const indentOf = (line: string) => /^ */.exec(line)?.[0].length ?? 0;
export const field = /^( *)(?:- +)?([^\s:#"'][^:#]*?):(?:\s+|$)/;
export const replaceLine = (text: string, line: Line, replacement: string) =>
  text.slice(0, line.start) + replacement + text.slice(line.start + line.text.length);
export const reindent = (text: string, line: Line, spaces: number) => replaceLine(text, line, ' '.repeat(spaces) + line.text.replace(/^[ \t]*/, ''));
export const quoteHint = 'In YAML a `: ` inside a value starts a new field: put the whole value in double quotes.';
export const alignHint = 'Fields of one mapping line up: indent each with the same number of spaces.';

/** The line's field with its value in double quotes. */
export const quoted = (text: string, line: Line, own: RegExpExecArray) =>
  replaceLine(text, line, line.text.slice(0, own[0].length) + JSON.stringify(line.text.slice(own[0].length).trim()));
export const spaces = (count: number) => `${count} space${count === 1 ? '' : 's'}`;

/** The nearest line that is not blank, from `offset` on in `direction` (1 down, -1 up); undefined at the edge. */
export function nonBlank(text: string, offset: number, direction: 1 | -1): Line | undefined {
  for (let at = offset; at >= 0 && at < text.length; ) {
    const line = lineAt(text, at);
    if (line.text.trim() !== '') return line;
    at = direction === 1 ? line.next : line.start - 1;
    if (direction === 1 && line.next >= text.length) return undefined;
  }
  return undefined;
}

/** The nearest line from `offset` on in `direction` indented at most `indent` (deeper lines are skipped). */
export function siblingLine(text: string, offset: number, indent: number, direction: 1 | -1): Line | undefined {
  let line = nonBlank(text, offset, direction);
  while (line && indentOf(line.text) > indent) line = nonBlank(text, direction === 1 ? line.next : line.start - 1, direction);
  return line;
}

/** `summary: |` when `line` is one of that block value's lines (no other field between), else undefined. */
export function blockScalarAbove(text: string, line: Line): string | undefined {
  for (let above = nonBlank(text, line.start - 1, -1); above; above = nonBlank(text, above.start - 1, -1)) {
    const opening = /^ *([^\s:#][^:#]*?): *([|>][+-]?) *$/.exec(above.text);
    if (opening) return `${opening[1]}: ${opening[2]}`;
    if (field.exec(above.text) && indentOf(above.text) < indentOf(line.text)) return undefined;
    if (above.start === 0) return undefined;
  }
  return undefined;
}
