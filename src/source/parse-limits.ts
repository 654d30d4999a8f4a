/**
 * The limits a brief's text is checked against before it is parsed, and their defaults.
 * micromark is linear on ordinary text but has inputs that make it slow (deep nesting, long runs
 * of emphasis and bracket markers in one paragraph) or memory-hungry (sheer size, huge tables),
 * so a brief over a limit is refused with a clear error instead of being parsed.
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

/** The characters that open or close emphasis, links and code: what `maxInlineMarkers` counts. */
export const inlineMarkers = /[*_~[\]`]/g;

/** How many times `needle` occurs in `text`, without overlaps. */
export function countOf(text: string, needle: string): number {
  let count = 0;
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + needle.length)) count++;
  return count;
}
