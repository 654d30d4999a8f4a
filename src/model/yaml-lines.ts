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
