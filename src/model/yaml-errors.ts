/**
 * The YAML library's errors in a writer's words. The library names the grammar rule that failed
 * ("Nested mappings are not allowed in compact mappings") at the point where it noticed; a
 * writer needs the slip that caused it (an unquoted `:`, a tab, a line indented too far) at the
 * line where it is, and the fix.
 */
import type { YAMLError } from 'yaml';

export interface YamlProblem {
  /** Offset in the YAML text. */
  offset: number;
  found: string;
  expected: string;
  hint: string;
}

const lineAt = (text: string, offset: number) => {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, text: text.slice(start, end === -1 ? undefined : end), next: end === -1 ? text.length : end + 1 };
};
const indentOf = (line: string) => /^ */.exec(line)?.[0].length ?? 0;
const field = /^( *)(?:- +)?([^\s:#"'][^:#]*?):(?:\s+|$)/;

function implicitKey(text: string, offset: number): YamlProblem | undefined {
  const line = lineAt(text, offset);
  let next = lineAt(text, line.next);
  while (next.text.trim() === '' && next.next < text.length) next = lineAt(text, next.next);
  const own = field.exec(line.text);
  const following = field.exec(next.text);
  if (own && following && indentOf(next.text) !== indentOf(line.text) && line.text.slice(own[0].length).trim() !== '') {
    return {
      offset: next.start + indentOf(next.text),
      found: `indentation of \`${following[2]}:\` (${indentOf(next.text)} spaces)`,
      expected: `${indentOf(line.text)} spaces, like \`${own[2]}:\` above it`,
      hint: 'Fields of one mapping line up: indent each with the same number of spaces.',
    };
  }
  const colon = own ? /:\s/.exec(line.text.slice(own[0].length)) : null;
  if (own && colon) {
    const value = line.text.slice(own[0].length).trim();
    return {
      offset: line.start + own[0].length + colon.index,
      found: `\`:\` inside the value of \`${own[2]}\``,
      expected: `the value in quotes (\`${own[2]}: ${JSON.stringify(value)}\`)`,
      hint: 'In YAML a `: ` inside a value starts a new field: put the whole value in double quotes.',
    };
  }
  return undefined;
}

function unclosed(text: string, offset: number, opener: string, closer: string): YamlProblem | undefined {
  const before = text.slice(0, offset);
  const pattern = opener === '[' ? /^ *(?:- +)?([^\s:#]+): *\[/gm : /^ *(?:- +)?([^\s:#]+): *(["'])/gm;
  const last = [...before.matchAll(pattern)].at(-1);
  if (!last) return undefined;
  const quote = opener === '[' ? '[' : last[2]!;
  const close = opener === '[' ? closer : quote;
  return {
    offset: last.index + last[0].length - 1,
    found: `\`${quote}\` after \`${last[1]}:\` that is never closed`,
    expected: `a closing \`${close}\` on the same line`,
    hint:
      opener === '['
        ? 'Close the list on its line (`keywords: [a, b]`), or write one `- item` per line.'
        : "Close the quote at the end of the value; a quote inside it is written twice (`''`) or escaped (`\\\"`).",
  };
}

/** Describes one YAML error at its cause. */
export function describeYamlError(error: YAMLError, text: string): YamlProblem {
  const offset = error.pos[0];
  const reason = error.message.split('\n')[0] ?? '';
  let problem: YamlProblem | undefined;
  if (error.code === 'TAB_AS_INDENT') {
    problem = { offset, found: 'tab in the indentation', expected: 'spaces', hint: 'YAML indents with spaces only: replace the tab with spaces.' };
  } else if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
    problem = implicitKey(text, offset);
  } else if (error.code === 'MISSING_CHAR' && /quote/i.test(reason)) {
    problem = unclosed(text, offset, '"', '"');
  } else if ((error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR') && /flow sequence|\]/i.test(reason)) {
    problem = unclosed(text, offset, '[', ']');
  } else if (error.code === 'DUPLICATE_KEY') {
    const key = field.exec(lineAt(text, offset).text)?.[2] ?? 'field';
    problem = { offset, found: `second \`${key}:\``, expected: 'each field once', hint: 'Keep one of the two; a later one would silently replace the first.' };
  }
  return (
    problem ?? {
      offset,
      found: `YAML (${reason.replace(/\.$/, '')})`,
      expected: 'valid YAML',
      hint: 'Check the indentation and quoting of the front matter around this point.',
    }
  );
}
