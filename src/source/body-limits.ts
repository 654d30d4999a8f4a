/** The limits on the Markdown body, in one pass over its lines: nesting, markers per paragraph, footnotes, table cells. */
import { inlineMarkers, type LimitProblem, type ParseLimits } from './parse-limits.js';
import { countTableCells, type TableScan } from './table-limits.js';

const quoteOrListPrefix = /^[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))/;
/** A line that starts a new inline run (so markers before it are not in the same paragraph). */
const blockStart = /^(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|\||:{2,}|`{3,}|~{3,}|$)/;
const footnoteDefinition = /^\[\^[^\]\n]+\]:/;

/** The first limit the lines from `start` on go over, or null. */
export function scanBody(lines: readonly string[], start: number, limits: ParseLimits): LimitProblem | null {
  const openDirectives: number[] = [];
  let markers = 0;
  let runStart = 1;
  let footnotes = 0;
  const table: TableScan = { columns: 0, rows: 0, line: 0 };
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    const number = index + 1;
    const fence = /^[ \t]*(:{3,})[ \t]*([A-Za-z])?/.exec(line);
    if (fence?.[2]) openDirectives.push(fence[1]!.length);
    else if (fence && openDirectives.length > 0) openDirectives.pop();
    const depth = openDirectives.length + prefixDepth(line);
    if (depth > limits.maxDepth) return { what: 'nesting depth of lists, quotes and directives', actual: depth, limit: limits.maxDepth, line: number };
    // Quote markers and indentation do not end a paragraph: strip them before looking for a block start.
    const content = line.replace(/^[ \t>]*/, '');
    if (blockStart.test(content)) {
      markers = 0;
      runStart = content === '' ? number + 1 : number;
    }
    if (content.startsWith('[^') && footnoteDefinition.test(content) && ++footnotes > limits.maxFootnotes) {
      return { what: 'number of footnotes', actual: footnotes, limit: limits.maxFootnotes, line: number };
    }
    const cells = countTableCells(table, content, lines[index - 1] ?? '', number);
    if (cells > limits.maxTableCells)
      return { what: 'number of cells in one table (rows × columns)', actual: cells, limit: limits.maxTableCells, line: table.line };
    markers += content.match(inlineMarkers)?.length ?? 0;
    if (markers > limits.maxInlineMarkers) {
      return { what: 'number of emphasis, link and code markers in one paragraph', actual: markers, limit: limits.maxInlineMarkers, line: runStart };
    }
  }
  return null;
}

/** Quote and list markers opening the line (`> - 1. >>`) plus its indentation in pairs of spaces: an upper bound. */
function prefixDepth(line: string): number {
  let depth = 0;
  let rest = line;
  for (;;) {
    const match = quoteOrListPrefix.exec(rest);
    if (!match) break;
    depth++;
    rest = rest.slice(match[0].length);
  }
  // A nested list item needs at least two more columns than its parent.
  const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
  return depth + Math.floor(indent / 2);
}
