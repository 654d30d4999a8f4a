/**
 * satteri keeps a container's closing fence as one more row when it comes right after a table
 * row (native-safe.ts). An empty line between the two ends the table in both parsers and changes
 * nothing else, so such a text is given to satteri with one, and the positions in its tree are
 * moved back to the text as written. Only a table that stands on its own is handled: one in a
 * list item or a quote, or rows that could continue a paragraph, are left to micromark (a blank
 * line there could make a list loose). Hand-written because it mends one known difference
 * between these two parsers.
 */
import type { Node } from 'unist';
import { delimiterRow } from './native-safe.js';
import { visit } from './visit-tree.js';

const rowBeforeFence = /^\|[^\n]*\n(?=:{3})/gm;
/** Rows looked at above the fence; a longer table is left to micromark (linear work). */
const maxRows = 200;

/**
 * Whether the line ending at `end` closes a table that stands on its own: every line of its
 * block starts with `|`, the second is a delimiter row, and above it is an empty line, a
 * container's fence or the start — not a paragraph or list the rows could belong to.
 */
function ownTable(text: string, end: number): boolean {
  const rows: string[] = [];
  // Rows are gathered upwards: the delimiter row is the one before the last gathered.
  const headed = () => rows.length >= 2 && delimiterRow.test(rows[rows.length - 2]!);
  let start = end;
  while (rows.length <= maxRows) {
    start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (!line.startsWith('|')) return headed() && (line.trim() === '' || /^:{3,}/.test(line));
    rows.push(line);
    if (start === 0) return headed();
    end = start - 1;
  }
  return false;
}

export interface Separated {
  text: string;
  /** Where each empty line went, as offsets in the text as written (ascending). */
  at: number[];
}

/** `text` with an empty line before each container fence that follows a table row at once, from offset `from` on. */
export function separateRows(text: string, from = 0): Separated {
  const at: number[] = [];
  rowBeforeFence.lastIndex = from;
  for (let match = rowBeforeFence.exec(text); match; match = rowBeforeFence.exec(text)) {
    if (ownTable(text, match.index + match[0].length - 1)) at.push(match.index + match[0].length);
  }
  if (at.length === 0) return { text, at };
  const pieces: string[] = [];
  let start = 0;
  for (const offset of at) {
    pieces.push(text.slice(start, offset), '\n');
    start = offset;
  }
  pieces.push(text.slice(start));
  return { text: pieces.join(''), at };
}

/** Moves every position in `tree` (parsed from `separateRows(…).text`) back to the text as written. */
export function restorePositions(tree: Node, at: readonly number[]): void {
  if (at.length === 0) return;
  // The i-th empty line sits at offset at[i] + i of the separated text.
  const inserted = at.map((offset, index) => offset + index);
  const restore = (point: { line: number; column: number; offset?: number | undefined }) => {
    if (point.offset === undefined) return;
    let before = 0;
    while (before < inserted.length && inserted[before]! < point.offset) before++;
    point.offset -= before;
    point.line -= before;
  };
  visit(tree, (node) => {
    if (!node.position) return;
    restore(node.position.start);
    restore(node.position.end);
  });
}
