/**
 * One YAML library error in a writer's words. The library names the grammar rule that failed
 * ("Nested mappings are not allowed in compact mappings") where it noticed; a writer needs the
 * slip that caused it (an unquoted `:`, a tab, a line indented too far) at the line where it is,
 * and the fix. Each diagnosis also mends its line (same number of lines), so that the next slip
 * can be found in the mended text without this one's cascade (see yaml-problems.ts).
 */
import type { YAMLError } from 'yaml';
import { implicitKey, misaligned } from './yaml-indentation.js';
import { field, indentOf, lineAt, quoted, replaceLine, type YamlDiagnosis, type YamlProblem } from './yaml-lines.js';

export type { YamlDiagnosis, YamlProblem } from './yaml-lines.js';

function unclosed(text: string, offset: number, opener: '"' | '[' | '{'): YamlDiagnosis | undefined {
  const before = text.slice(0, offset);
  const pattern = { '"': /^ *(?:- +)?([^\s:#]+): *(["'])/gm, '[': /^ *(?:- +)?([^\s:#]+): *\[/gm, '{': /^ *(?:- +)?([^\s:#]+): *\{/gm }[opener];
  const last = [...before.matchAll(pattern)].at(-1);
  if (!last) return undefined;
  const quote = opener === '"' ? last[2]! : opener;
  const close = { '"': quote, '[': ']', '{': '}' }[opener];
  const problem = {
    offset: last.index + last[0].length - 1,
    found: `\`${quote}\` after \`${last[1]}:\` that is never closed`,
    expected: `a closing \`${close}\` on the same line`,
    hint:
      opener === '"'
        ? "Close the quote at the end of the value; a quote inside it is written twice (`''`) or escaped (`\\\"`)."
        : opener === '['
          ? 'Close the list on its line (`keywords: [a, b]`), or write one `- item` per line.'
          : 'Close the mapping on its line (`{ a: 1 }`), or write one `name: value` per line.',
  };
  const line = lineAt(text, last.index + last[0].length - 1);
  return { problem, mended: replaceLine(text, line, line.text.trimEnd() + close) };
}

/** A value that starts with a character YAML reads as syntax (`[`, `*`, `@`, a quote closed early…). */
function reservedStart(text: string, offset: number): YamlDiagnosis | undefined {
  const line = lineAt(text, offset);
  const own = field.exec(line.text);
  const value = own ? line.text.slice(own[0].length).trim() : '';
  if (!own || value === '') return undefined;
  const start = line.start + own[0].length;
  const first = value[0]!;
  const close = value.indexOf(first, 1);
  if ((first === '"' || first === "'") && close !== -1 && close < value.length - 1) {
    // `'It's here'` means the text inside the outer quotes; `"Kestria" visit` means all of it.
    const inner = value.endsWith(first) ? value.slice(1, -1) : value;
    const other = inner.includes("'") ? JSON.stringify(inner) : `'${inner}'`;
    const problem = {
      offset: start + close,
      found: `text after the closing \`${first}\` of \`${own[2]}\``,
      expected: `the whole value in quotes (\`${own[2]}: ${other}\`)`,
      hint: "A quote ends the value at the next quote of its kind: inside `'…'` write an apostrophe twice (`''`), inside `\"…\"` write `\\\"`, or put the value in the other kind of quotes.",
    };
    return { problem, mended: replaceLine(text, line, line.text.slice(0, own[0].length) + other) };
  }
  if (!/^[[{*&!@`%>|?-]/.test(value)) return undefined;
  const problem = {
    offset: start,
    found: `${first === '`' ? '`` ` ``' : `\`${first}\``} at the start of the value of \`${own[2]}\``,
    expected: `the value in quotes (\`${own[2]}: ${JSON.stringify(value)}\`)`,
    hint: 'At the start of a value `[`, `{`, `*`, `&`, `!`, `>`, `|`, `- `, `@`, `` ` `` and `%` are YAML syntax, not text: put the whole value in double quotes.',
  };
  return { problem, mended: quoted(text, line, own) };
}

function diagnose(error: YAMLError, text: string): YamlDiagnosis | undefined {
  const offset = error.pos[0];
  const reason = error.message.split('\n')[0] ?? '';
  const line = lineAt(text, offset);
  switch (error.code) {
    case 'TAB_AS_INDENT': {
      // A tab stands for one level: the smallest indentation the front matter uses elsewhere.
      const unit = Math.min(...text.split('\n').map((other) => (/^ +\S/.test(other) ? indentOf(other) : Number.POSITIVE_INFINITY)), 2);
      const problem = { offset, found: 'tab in the indentation', expected: 'spaces', hint: 'YAML indents with spaces only: replace the tab with spaces.' };
      return {
        problem,
        mended: replaceLine(
          text,
          line,
          line.text.replace(/^[ \t]+/, (space) => space.replace(/\t/g, ' '.repeat(unit))),
        ),
      };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return implicitKey(text, offset);
    case 'DUPLICATE_KEY': {
      const key = field.exec(line.text)?.[2] ?? 'field';
      const problem = {
        offset,
        found: `second \`${key}:\``,
        expected: 'each field once',
        hint: 'Keep one of the two; a later one would silently replace the first.',
      };
      return { problem, mended: replaceLine(text, line, line.text.replace(`${key}:`, `${key}~${line.start}:`)) };
    }
    case 'BAD_SCALAR_START':
    case 'BAD_ALIAS':
    case 'UNEXPECTED_TOKEN':
      return reservedStart(text, offset);
  }
  if (error.code === 'MISSING_CHAR' && /quote/i.test(reason)) return unclosed(text, offset, '"');
  if ((error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR') && /flow sequence|\]/i.test(reason)) return unclosed(text, offset, '[');
  if ((error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR') && /flow map|\}/i.test(reason)) return unclosed(text, offset, '{');
  if (error.code === 'BAD_INDENT' && /same column/.test(reason)) return misaligned(text, offset);
  return undefined;
}

/** Describes one YAML error at its cause, with the text mended when the slip is recognised. */
export function diagnoseYamlError(error: YAMLError, text: string): YamlDiagnosis {
  return (
    diagnose(error, text) ?? {
      problem: {
        offset: error.pos[0],
        found: `YAML (${(error.message.split('\n')[0] ?? '').replace(/\.$/, '')})`,
        expected: 'valid YAML',
        hint: 'Check the indentation and quoting of the front matter around this point.',
      },
    }
  );
}

/** An alias (`*name`) of an anchor the front matter never sets: a value that starts with `*`. */
export function diagnoseYamlAlias(text: string, offset: number): YamlProblem {
  return (
    reservedStart(text, offset)?.problem ?? {
      offset,
      found: '`*` that YAML reads as an alias',
      expected: 'the value in quotes',
      hint: 'At the start of a value `*name` refers to an anchor `&name`: put the whole value in double quotes.',
    }
  );
}
