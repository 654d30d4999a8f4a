/**
 * The `--max-*` limits from flags, over those `limits` in briefsmith.config.json sets: the parse
 * limits (checked on the text before parsing) and the worker limits (time and memory per brief).
 */
import type { ParseLimits } from '../source/limits.js';
import type { WorkerLimits } from '../engine/threads/worker-limits.js';
import type { ProjectConfig } from '../config/config.js';
import type { ConfigLimitName } from '../config/limits-setting.js';
import { parseCount } from './flags.js';

type LimitKey = keyof ParseLimits | keyof WorkerLimits;

/** Each limit: the option it sets, its flag (the config names it in camelCase) and the flag's help. */
const limits: Array<[LimitKey, ConfigLimitName, string, string]> = [
  ['maxCharacters', 'maxSize', '--max-size <chars>', 'Refuse briefs longer than this many characters (default 500000)'],
  ['maxDepth', 'maxDepth', '--max-depth <n>', 'Refuse nesting of lists, quotes and directives deeper than this (default 100)'],
  ['maxCitations', 'maxCitations', '--max-citations <n>', 'Refuse briefs with more citations than this (default 20000)'],
  ['maxInlineMarkers', 'maxInlineMarkers', '--max-inline-markers <n>', 'Refuse paragraphs with more `*_~[]` and backtick markers than this (default 200)'],
  ['maxTableCells', 'maxTableCells', '--max-table-cells <n>', 'Refuse tables with more cells (rows × columns) than this (default 20000)'],
  ['maxFootnotes', 'maxFootnotes', '--max-footnotes <n>', 'Refuse briefs with more footnotes than this (default 1000)'],
  ['maxImages', 'maxImages', '--max-images <n>', 'Refuse briefs with more images than this (default 200)'],
  [
    'maxInlinedBytes',
    'maxInlinedBytes',
    '--max-inlined-bytes <n>',
    'Refuse briefs whose images add up to more bytes than this, counted at each use (default 16777216)',
  ],
  ['maxSeconds', 'maxSeconds', '--max-seconds <n>', 'Stop a brief whose parse, check and render take longer than this many seconds (default 120)'],
  ['maxMemoryMb', 'maxMemory', '--max-memory <MB>', 'Stop a brief whose parse, check and render need more heap than this many MB (default 2048)'],
];

/** The limit flags every command that reads briefs accepts, for cac: [flag, description]. */
export const limitFlags: Array<[string, string]> = limits.map(([, , flag, description]) => [flag, description]);

const workerKeys: ReadonlySet<LimitKey> = new Set<LimitKey>(['maxSeconds', 'maxMemoryMb']);

/** The limits given as flags or in the project's config; those given nowhere are left out, so the defaults apply. */
export function limitOptions(
  flags: Record<string, unknown>,
  config: Pick<ProjectConfig, 'limits'>,
): { limits: Partial<ParseLimits>; workerLimits: Partial<WorkerLimits> } {
  const parse: Partial<Record<LimitKey, number>> = {};
  const worker: Partial<Record<LimitKey, number>> = {};
  for (const [key, name, flag] of limits) {
    const value = parseCount(flag.split(' ')[0]!.slice(2), flags[name]) ?? config.limits[name];
    if (value !== undefined) (workerKeys.has(key) ? worker : parse)[key] = value;
  }
  return { limits: parse as Partial<ParseLimits>, workerLimits: worker as Partial<WorkerLimits> };
}
