/** Text → parsed brief: normalise, parse to mdast, extract the draft. Never throws on content. */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { parseTree } from '../source/processor.js';
import { checkFrontMatterFence } from '../source/front-matter.js';
import { normaliseText, reportSuspiciousCharacters } from '../source/text.js';
import { report } from '../errors/report.js';
import { extractBrief } from './extract.js';
import type { Places } from './places.js';
import type { Fragments } from './fragments.js';
import { defaultLimits, exceededLimit, type ParseLimits } from '../source/limits.js';
import type { FieldDeclarations } from '../config/fields.js';

export { defaultLimits, type ParseLimits } from '../source/limits.js';

export interface ParseOptions {
  /** Path shown in messages. */
  path?: string;
  /** Set when the bytes were not valid UTF-8 (replacement characters are then reported). */
  invalidUtf8?: boolean;
  limits?: Partial<ParseLimits>;
  /** The project's declared front-matter fields (`fields` in briefsmith.config.json). */
  fields?: FieldDeclarations | undefined;
}

/** A parsed brief: the file (with its messages), the syntax tree, and the draft model with places. */
export interface ParsedBrief {
  file: VFile;
  tree: Root;
  draft: Record<string, unknown>;
  places: Places;
  /** The tree of each Markdown field of the draft, by its text. */
  fragments: Fragments;
  /** The declared fields it was read with: validation checks them. */
  fields?: FieldDeclarations | undefined;
}

/**
 * Parses annotated Markdown into a draft model. Content problems are reported as messages on
 * `file`, never thrown.
 */
export function parseBrief(text: string, options: ParseOptions = {}): ParsedBrief {
  const given = Object.entries(options.limits ?? {}).filter(([, limit]) => limit !== undefined);
  const limits: ParseLimits = { ...defaultLimits, ...Object.fromEntries(given) };
  const value = normaliseText(text);
  const file = new VFile({ value, ...(options.path === undefined ? {} : { path: options.path }) });
  const fields = options.fields ?? {};
  const empty: ParsedBrief = { file, tree: { type: 'root', children: [] }, draft: {}, places: new Map(), fragments: new Map(), fields };
  const exceeded = exceededLimit(value, limits);
  if (exceeded) {
    const { what, actual, limit, line } = exceeded;
    report(file, 'limit-exceeded', { line, column: 1 }, { what, actual: actual.toLocaleString('en'), limit: limit.toLocaleString('en') });
    return empty;
  }
  reportSuspiciousCharacters(file, options.invalidUtf8 === true);
  checkFrontMatterFence(file);
  const tree = parseTree(file);
  const { draft, places, fragments } = extractBrief(tree, file, Object.keys(fields));
  return { file, tree, draft, places, fragments, fields };
}
