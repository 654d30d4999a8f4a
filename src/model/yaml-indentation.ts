/**
 * Slips of indentation: a line indented unlike the fields beside it, a `:` inside a value. The
 * slips of a field line's own shape are in yaml-field-shape.ts.
 */
import {
  alignHint,
  blockScalarAbove,
  field,
  indentOf,
  type Line,
  lineAt,
  nonBlank,
  quoted,
  quoteHint,
  reindent,
  replaceLine,
  siblingLine,
  spaces,
  type YamlDiagnosis,
} from './yaml-lines.js';
import { colonSlip, missingLineBreak } from './yaml-field-shape.js';

export function implicitKey(text: string, offset: number): YamlDiagnosis | undefined {
  const line = lineAt(text, offset);
  let next = lineAt(text, line.next);
  while (next.text.trim() === '' && next.next < text.length) next = lineAt(text, next.next);
  const own = field.exec(line.text);
  const following = field.exec(next.text);
  const joined = own && missingLineBreak(text, line, next, own);
  if (joined) return joined;
  if (own && following && indentOf(next.text) !== indentOf(line.text) && line.text.slice(own[0].length).trim() !== '') {
    const odd = oddFirst(text, line, next);
    if (odd) return odd;
    const problem = {
      offset: next.start + indentOf(next.text),
      found: `indentation of \`${following[2]}:\` (${spaces(indentOf(next.text))})`,
      expected: `${spaces(indentOf(line.text))}, like \`${own[2]}:\` above it`,
      hint: alignHint,
    };
    return { problem, mended: reindent(text, next, indentOf(line.text)) };
  }
  const colon = own ? /:\s/.exec(line.text.slice(own[0].length)) : null;
  if (own && colon) {
    const value = line.text.slice(own[0].length).trim();
    const problem = {
      offset: line.start + own[0].length + colon.index,
      found: `\`:\` inside the value of \`${own[2]}\``,
      expected: `the value in quotes (\`${own[2]}: ${JSON.stringify(value)}\`)`,
      hint: quoteHint,
    };
    return { problem, mended: quoted(text, line, own) };
  }
  return colonSlip(line, next, text);
}

/** A line indented unlike the fields beside it ("All mapping items must start at the same column"). */
export function misaligned(text: string, offset: number): YamlDiagnosis | undefined {
  const line = lineAt(text, offset);
  const own = field.exec(line.text);
  const indent = indentOf(line.text);
  if (!own) {
    if (/^ *- /.test(line.text)) return undefined;
    const block = blockScalarAbove(text, line);
    const previous = nonBlank(text, line.start - 1, -1);
    if (block && previous) {
      const problem = {
        offset: line.start + indent,
        found: `indentation of a line of \`${block}\` (${spaces(indent)})`,
        expected: `${spaces(indentOf(previous.text))}, like the lines above it`,
        hint: 'The lines of a `|` or `>` value are indented alike, further than the name of its field.',
      };
      return { problem, mended: reindent(text, line, indentOf(previous.text)) };
    }
    const problem = {
      offset: line.start + indent,
      found: `\`${line.text.trim()}\`, neither a field (\`name: value\`) nor a list item (\`- item\`)`,
      expected: 'a field or a list item',
      hint: 'Each line of the front matter is a field, a `- item` of a list, or the continuation of a quoted value; give it its `name:` or its `- `.',
    };
    return { problem, mended: replaceLine(text, line, `#${line.text}`) };
  }
  const previous = siblingLine(text, line.start - 1, indent, -1);
  const odd = previous && oddFirst(text, previous, line);
  if (odd) return odd;
  // The sibling it was meant to line up with: the nearest field above at the closest indentation, the deeper on a tie.
  const above = text
    .slice(0, line.start)
    .split('\n')
    .map((candidate) => ({ candidate, match: field.exec(candidate) }))
    .filter((entry) => entry.match && indentOf(entry.candidate) !== indent)
    .reverse();
  const distance = (entry: (typeof above)[number]) => Math.abs(indentOf(entry.candidate) - indent) * 2 - (indentOf(entry.candidate) > indent ? 1 : 0);
  const sibling = above.reduce<(typeof above)[number] | undefined>((best, entry) => (!best || distance(entry) < distance(best) ? entry : best), undefined);
  if (!sibling) return undefined;
  const target = indentOf(sibling.candidate);
  const problem = {
    offset: line.start + indent,
    found: `indentation of \`${own[2]}:\` (${spaces(indent)})`,
    expected: `${spaces(target)}, like \`${sibling.match![2]}:\` above it`,
    hint: alignHint,
  };
  return { problem, mended: reindent(text, line, target) };
}

/**
 * When `first` opens a mapping and the fields below it (`second` and the one after) agree on an
 * indentation `first` lacks, `first` is the slip, not each of them.
 */
function oddFirst(text: string, first: Line, second: Line): YamlDiagnosis | undefined {
  const own = field.exec(first.text);
  const next = field.exec(second.text);
  const [indent, target] = [indentOf(first.text), indentOf(second.text)];
  const after = siblingLine(text, second.next, target, 1);
  const parent = siblingLine(text, first.start - 1, indent - 1, -1);
  if (!own || !next || !after || !field.exec(after.text) || indentOf(after.text) !== target || indent === target) return undefined;
  if (parent && indentOf(parent.text) >= Math.min(indent, target)) return undefined;
  const problem = {
    offset: first.start + indent,
    found: `indentation of \`${own[2]}:\` (${spaces(indent)})`,
    expected: `${spaces(target)}, like \`${next[2]}:\` below it`,
    hint: alignHint,
  };
  return { problem, mended: reindent(text, first, target) };
}
