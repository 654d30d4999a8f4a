/**
 * Finds the block that makes a template fail to parse, in the editor's terms. Handlebars reports
 * an unclosed `{{#each}}` at the end of the file with its parser's token names ("Expecting
 * 'OPEN_INVERSE_CHAIN', …, got 'EOF'"); the cause is the opening tag, which this scan finds by
 * matching `{{#name}}` / `{{^name}}` with `{{/name}}` (comments and raw blocks skipped).
 */
export interface BlockProblem {
  reason: string;
  line: number;
  column: number;
}

const tag = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{\{\{[\s\S]*?\}\}\}\}|\{\{~?\s*([#^/])\s*(?:>\s*)?([\w.@-]+)[^}]*\}\}/g;

function pointAt(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** The first unclosed or mismatched block of `source`, or undefined when the blocks pair up. */
export function blockProblem(source: string): BlockProblem | undefined {
  const open: Array<{ name: string; text: string; offset: number }> = [];
  for (const match of source.matchAll(tag)) {
    const [text, kind, name] = match;
    if (!kind || !name) continue;
    if (kind !== '/') {
      open.push({ name, text: text.replace(/\s+/g, ' '), offset: match.index });
      continue;
    }
    const last = open.pop();
    if (!last) return { reason: `\`${text}\` closes no block, expected a \`{{#${name}}}\` before it`, ...pointAt(source, match.index) };
    if (last.name !== name) {
      const opened = pointAt(source, last.offset);
      return { reason: `\`${text}\` closes \`${last.text}\` (opened on line ${opened.line}), expected \`{{/${last.name}}}\``, ...pointAt(source, match.index) };
    }
  }
  const unclosed = open.at(-1);
  if (!unclosed) return undefined;
  return {
    reason: `\`${unclosed.text}\` opened here is never closed, expected \`{{/${unclosed.name}}}\` before the end of the template`,
    ...pointAt(source, unclosed.offset),
  };
}
