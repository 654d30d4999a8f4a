/**
 * Slips in the shape of one field line: a line break gone missing between two fields, a field
 * without the space after its colon, or without its colon over the fields under it.
 */
import { field, indentOf, type Line, replaceLine, type YamlDiagnosis } from './yaml-lines.js';

/** A line break gone missing: `x:    outlet: …` over the fields of x, or `reliability: B    note: …`. */
export function missingLineBreak(text: string, line: Line, next: Line, own: RegExpExecArray): YamlDiagnosis | undefined {
  const rest = line.text.slice(own[0].length);
  const joined = /^(?:(.*?\S)[ \t]{2,})?([A-Za-z_][\w-]*):(?:\s|$)/.exec(rest);
  if (!joined || (joined[1] === undefined && !(field.exec(next.text) && indentOf(next.text) > indentOf(line.text)))) return undefined;
  const before = joined[1] ?? '';
  const problem = {
    offset: line.start + own[0].length + joined[0].indexOf(joined[2]!, before.length),
    found: `\`${joined[2]}:\` on the line of \`${own[2]}:\``,
    expected: `a line break before \`${joined[2]}:\` (each field on a line of its own)`,
    hint: `Each field starts a line of its own: put \`${joined[2]}:\` on a new line, indented like the fields it belongs with.`,
  };
  // Its fields below would need the line split, which a one-line mend cannot do: stop there rather than guess.
  const orphans = joined[1] !== undefined && rest.slice(joined[0].length).trim() === '';
  return { problem, mended: orphans ? undefined : replaceLine(text, line, `${line.text.slice(0, own[0].length)}${before} #${rest.slice(before.length)}`) };
}

/** A field without the space after its colon (`date:2025`), or without its colon over the fields under it. */
export function colonSlip(line: Line, next: Line, text: string): YamlDiagnosis | undefined {
  const following = field.exec(next.text);
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
