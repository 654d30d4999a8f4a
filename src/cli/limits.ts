/** `--max-size`, `--max-depth`, `--max-citations`, `--max-inline-markers`: the parse limits from flags. */
import type { ParseLimits } from '../source/limits.js';
import { parseCount } from './flags.js';

/** The limit flags every command that reads briefs accepts, for cac: [flag, description]. */
export const limitFlags: Array<[string, string]> = [
  ['--max-size <chars>', 'Refuse briefs longer than this many characters (default 500000)'],
  ['--max-depth <n>', 'Refuse nesting of lists, quotes and directives deeper than this (default 100)'],
  ['--max-citations <n>', 'Refuse briefs with more citations than this (default 20000)'],
  ['--max-inline-markers <n>', 'Refuse paragraphs with more `*_~[]` and backtick markers than this (default 200)'],
  ['--max-table-cells <n>', 'Refuse tables with more cells (rows × columns) than this (default 20000)'],
  ['--max-footnotes <n>', 'Refuse briefs with more footnotes than this (default 1000)'],
  ['--max-images <n>', 'Refuse briefs with more images than this (default 200)'],
  ['--max-inlined-bytes <n>', 'Refuse briefs whose images add up to more bytes than this, counted at each use (default 16777216)'],
];

/** The limits given as flags; absent flags are left out, so the defaults apply. */
export function parseLimitFlags(flags: Record<string, unknown>): Partial<ParseLimits> {
  const limits: Partial<ParseLimits> = {};
  const given: Array<[keyof ParseLimits, string, unknown]> = [
    ['maxCharacters', 'max-size', flags.maxSize],
    ['maxDepth', 'max-depth', flags.maxDepth],
    ['maxCitations', 'max-citations', flags.maxCitations],
    ['maxInlineMarkers', 'max-inline-markers', flags.maxInlineMarkers],
    ['maxTableCells', 'max-table-cells', flags.maxTableCells],
    ['maxFootnotes', 'max-footnotes', flags.maxFootnotes],
    ['maxImages', 'max-images', flags.maxImages],
    ['maxInlinedBytes', 'max-inlined-bytes', flags.maxInlinedBytes],
  ];
  for (const [key, name, value] of given) {
    const count = parseCount(name, value);
    if (count !== undefined) limits[key] = count;
  }
  return limits;
}
