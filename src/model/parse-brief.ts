/** Text → parsed brief: normalise, parse to mdast, extract the draft. Never throws on content. */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { parseTree } from '../source/processor.js';
import { checkFrontMatterFence } from '../source/front-matter.js';
import { normaliseText, reportSuspiciousCharacters } from '../source/text.js';
import { report } from '../errors/report.js';
import { extractBrief } from './extract.js';
import type { Places } from './places.js';

/** Limits that keep a hostile brief from exhausting time or memory; all configurable. */
export interface ParseLimits {
  /** Largest brief accepted, in characters (default 5,000,000). */
  maxCharacters: number;
  /** Deepest nesting of lists, quotes and directives (default 100). */
  maxDepth: number;
  /** Most citations in one brief (default 20,000). */
  maxCitations: number;
}

export const defaultLimits: ParseLimits = { maxCharacters: 5_000_000, maxDepth: 100, maxCitations: 20_000 };

export interface ParseOptions {
  /** Path shown in messages. */
  path?: string;
  /** Set when the bytes were not valid UTF-8 (replacement characters are then reported). */
  invalidUtf8?: boolean;
  limits?: Partial<ParseLimits>;
}

/** A parsed brief: the file (with its messages), the syntax tree, and the draft model with places. */
export interface ParsedBrief {
  file: VFile;
  tree: Root;
  draft: Record<string, unknown>;
  places: Places;
}

/**
 * Parses annotated Markdown into a draft model. Content problems are reported as messages on
 * `file`, never thrown.
 */
export function parseBrief(text: string, options: ParseOptions = {}): ParsedBrief {
  const limits = { ...defaultLimits, ...options.limits };
  const value = normaliseText(text);
  const file = new VFile({ value, ...(options.path === undefined ? {} : { path: options.path }) });
  const empty: ParsedBrief = { file, tree: { type: 'root', children: [] }, draft: {}, places: new Map() };
  if (value.length > limits.maxCharacters) {
    report(file, 'limit-exceeded', { line: 1, column: 1 }, { what: 'brief size in characters', actual: String(value.length), limit: String(limits.maxCharacters) });
    return empty;
  }
  const depth = nestingDepth(value);
  if (depth > limits.maxDepth) {
    report(file, 'limit-exceeded', { line: 1, column: 1 }, { what: 'nesting depth of lists and quotes', actual: String(depth), limit: String(limits.maxDepth) });
    return empty;
  }
  const citations = value.match(/\[@/g)?.length ?? 0;
  if (citations > limits.maxCitations) {
    report(file, 'limit-exceeded', { line: 1, column: 1 }, { what: 'number of citations', actual: String(citations), limit: String(limits.maxCitations) });
    return empty;
  }
  reportSuspiciousCharacters(file, options.invalidUtf8 === true);
  checkFrontMatterFence(file);
  const tree = parseTree(file);
  const { draft, places } = extractBrief(tree, file);
  return { file, tree, draft, places };
}

/** A cheap upper bound on block nesting, measured before parsing (deep nesting is slow to parse). */
function nestingDepth(text: string): number {
  let deepest = 0;
  for (const line of text.split('\n')) {
    const prefix = /^(?:\s*(?:[-*+>]|\d{1,9}[.)])(?=\s))+/.exec(line)?.[0];
    if (!prefix) continue;
    const depth = prefix.match(/[-*+>]|\d{1,9}[.)]/g)?.length ?? 0;
    const indentDepth = Math.floor((/^\s*/.exec(line)?.[0].length ?? 0) / 2);
    deepest = Math.max(deepest, depth, indentDepth);
  }
  return deepest;
}
