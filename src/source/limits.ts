/**
 * Limits checked on the raw text before parsing. micromark is linear on ordinary text but has
 * inputs that make it slow (deep nesting, long runs of emphasis and bracket markers in one
 * paragraph) or memory-hungry (sheer size), so a brief over a limit is refused with a clear
 * error instead of being parsed. Each check is a cheap over-estimate: one pass over the lines.
 */

/** Limits that keep a hostile brief from exhausting time or memory; all configurable. */
export interface ParseLimits {
  /** Largest brief accepted, in characters (default 500,000; a long brief is ~50,000). */
  maxCharacters: number;
  /** Deepest nesting of lists, quotes and directives (default 100). */
  maxDepth: number;
  /** Most citations in one brief (default 20,000). */
  maxCitations: number;
  /** Most emphasis, link and code markers (`*_~[]`+backtick) in one paragraph, list item or table row (default 200). */
  maxInlineMarkers: number;
  /** Most cells in one table, rows × columns: every row is padded to the header's width (default 20,000). */
  maxTableCells: number;
  /** Most footnote definitions (default 1,000). */
  maxFootnotes: number;
  /** Most images (`![`), each inlined into the HTML and PDF (default 200). */
  maxImages: number;
  /** Most bytes of image files inlined into one brief, counted at each use (default 16 MiB); checked when the brief is loaded. */
  maxInlinedBytes: number;
}

export const defaultLimits: Readonly<ParseLimits> = Object.freeze({
  maxCharacters: 500_000,
  maxDepth: 100,
  maxCitations: 20_000,
  maxInlineMarkers: 200,
  maxTableCells: 20_000,
  maxFootnotes: 1_000,
  maxImages: 200,
  maxInlinedBytes: 16 * 1024 * 1024,
});

/** A limit the text goes over: what, by how much, and the line where it first did. */
export interface LimitProblem {
  what: string;
  actual: number;
  limit: number;
  line: number;
}

/** The first limit `text` exceeds, or null. */
export function exceededLimit(text: string, limits: ParseLimits): LimitProblem | null {
  if (text.length > limits.maxCharacters) {
    return { what: 'brief size in characters', actual: text.length, limit: limits.maxCharacters, line: 1 };
  }
  const citations = text.match(/\[\s*@/g)?.length ?? 0;
  if (citations > limits.maxCitations) return { what: 'number of citations', actual: citations, limit: limits.maxCitations, line: 1 };
  const images = countOf(text, '![');
  if (images > limits.maxImages) return { what: 'number of images', actual: images, limit: limits.maxImages, line: 1 };
  return scanLines(text, limits);
}

function countOf(text: string, needle: string): number {
  let count = 0;
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + needle.length)) count++;
  return count;
}

const quoteOrListPrefix = /^[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))/;
/** A line that starts a new inline run (so markers before it are not in the same paragraph). */
const blockStart = /^(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|\||:{2,}|`{3,}|~{3,}|$)/;
const inlineMarkers = /[*_~[\]`]/g;
const footnoteDefinition = /^\[\^[^\]\n]+\]:/;

function scanLines(text: string, limits: ParseLimits): LimitProblem | null {
  const lines = text.split('\n');
  const openDirectives: number[] = [];
  let markers = 0;
  let runStart = 1;
  let footnotes = 0;
  const table = { columns: 0, rows: 0, line: 0 };
  const yamlEnd = frontMatterEnd(lines);
  if (yamlEnd > 0) {
    const deep = yamlDepth(lines, yamlEnd, limits);
    if (deep) return deep;
  }
  for (let index = yamlEnd; index < lines.length; index++) {
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

/** The index of the line after the front matter's closing `---` (0 without front matter). */
function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trimEnd() !== '---') return 0;
  for (let index = 1; index < lines.length; index++) if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[index]!)) return index + 1;
  return 0;
}

/**
 * YAML nesting in the front matter, as an upper bound: open flow brackets (`[` `{`, outside
 * quotes) plus block indentation in pairs of spaces. Reported as YAML, not as Markdown markers.
 */
function yamlDepth(lines: readonly string[], end: number, limits: ParseLimits): LimitProblem | null {
  const maxDepth = limits.maxDepth;
  let open = 0;
  for (let index = 1; index < end - 1; index++) {
    const line = lines[index]!;
    // A Markdown field (`summary`) is one line of YAML: its markers count line by line.
    const markers = line.match(inlineMarkers)?.length ?? 0;
    const indent = /^ */.exec(line)![0].length;
    let quote = '';
    for (const character of line) {
      if (quote) {
        if (character === quote) quote = '';
      } else if (character === '"' || character === "'") quote = character;
      else if (character === '[' || character === '{') open++;
      else if ((character === ']' || character === '}') && open > 0) open--;
      const depth = open + Math.floor(indent / 2);
      if (depth > maxDepth) return { what: 'nesting depth of the YAML front matter', actual: depth, limit: maxDepth, line: index + 1 };
    }
    if (markers > limits.maxInlineMarkers)
      return { what: 'number of emphasis, link and code markers in one front matter line', actual: markers, limit: limits.maxInlineMarkers, line: index + 1 };
  }
  return null;
}

/**
 * The cells of the table being read, as an over-estimate: a delimiter row (only `|`, `-`, `:`
 * and blanks, under a line with a `|`) starts a table of as many columns as it has pipes plus
 * one, and every line up to a blank one is a row of that width.
 */
function countTableCells(table: { columns: number; rows: number; line: number }, content: string, previous: string, number: number): number {
  if (content === '') {
    table.columns = 0;
    return 0;
  }
  if (table.columns > 0) return table.columns * ++table.rows;
  if (content.includes('-') && (content.includes('|') || previous.includes('|')) && isDelimiterRow(content)) {
    const trimmed = content.trim();
    table.columns = countOf(trimmed, '|') + 1 - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.endsWith('|') && trimmed.length > 1 ? 1 : 0);
    table.rows = 2;
    table.line = number - 1;
    return table.columns * table.rows;
  }
  return 0;
}

function isDelimiterRow(content: string): boolean {
  for (const character of content) if (character !== '|' && character !== '-' && character !== ':' && character !== ' ' && character !== '\t') return false;
  return true;
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
