/**
 * Slips of indentation and of the `name: value` shape: a line indented unlike the fields beside
 * it, a `:` inside a value, a field without its colon or without the space after it.
 */
import { alignHint, field, indentOf, lineAt, quoted, quoteHint, reindent, replaceLine, spaces, type YamlDiagnosis } from './yaml-lines.js';

export function implicitKey(text: string, offset: number): YamlDiagnosis | undefined {
  const line = lineAt(text, offset);
  let next = lineAt(text, line.next);
  while (next.text.trim() === '' && next.next < text.length) next = lineAt(text, next.next);
  const own = field.exec(line.text);
  const following = field.exec(next.text);
  if (own && following && indentOf(next.text) !== indentOf(line.text) && line.text.slice(own[0].length).trim() !== '') {
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
  const glued = /^( *)([A-Za-z][\w-]*):(\S.*)$/.exec(line.text);
  if (glued) {
    const problem = {
      offset: line.start + glued[1]!.length + glued[2]!.length,
      found: `\`${glued[2]}:${glued[3]}\` without a space after \`:\``,
      expected: `\`${glued[2]}: ${glued[3]}\``,
      hint: 'A field is `name: value`, with a space after the colon.',
    };
    return { problem, mended: replaceLine(text, line, `${glued[1]}${glued[2]}: ${glued[3]}`) };
  }
  const bare = /^( *)([A-Za-z][\w-]*)\s*$/.exec(line.text);
  if (bare && following && indentOf(next.text) > indentOf(line.text)) {
    const problem = {
      offset: line.start + line.text.trimEnd().length,
      found: `\`${bare[2]}\` without \`:\``,
      expected: `\`${bare[2]}:\` before the fields indented under it`,
      hint: 'A field that holds other fields ends with a colon: `alpha:`, then its fields indented below it.',
    };
    return { problem, mended: replaceLine(text, line, `${line.text.trimEnd()}:`) };
  }
  return undefined;
}

/** A line indented unlike the fields beside it ("All mapping items must start at the same column"). */
export function misaligned(text: string, offset: number): YamlDiagnosis | undefined {
  const line = lineAt(text, offset);
  const own = field.exec(line.text);
  const indent = indentOf(line.text);
  if (!own) {
    if (/^ *- /.test(line.text)) return undefined;
    const problem = {
      offset: line.start + indent,
      found: `\`${line.text.trim()}\`, neither a field (\`name: value\`) nor a list item (\`- item\`)`,
      expected: 'a field or a list item',
      hint: 'Each line of the front matter is a field, a `- item` of a list, or the continuation of a quoted value; give it its `name:` or its `- `.',
    };
    return { problem, mended: replaceLine(text, line, `#${line.text}`) };
  }
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
