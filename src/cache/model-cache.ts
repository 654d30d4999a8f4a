/**
 * The first level of the build cache: each valid brief's model (as templates see it: without
 * source positions, with the code points of its text), its messages and its rendered rich-text
 * fields, one file per brief in `<cache dir>/models/` (written only inside it, see contained.ts), keyed on the brief's source
 * hash (its text and the images it inlines), the tool version, its path and the parse limits.
 * A template, CSS or option change finds the model here and runs only the templates. An entry
 * is used only when it carries its own key and either its seal vouches for it (sealed-file.ts:
 * written by a build with this schema, bytes unchanged since) or, unsealed or sealed by a build
 * with another schema, it parses against this one: a corrupt, truncated, edited, foreign or older
 * file is ignored, and replaced after the brief is parsed again.
 *
 * An entry is a sealed file of several lines (sealed-file.ts): the model and messages, then the
 * fields rendered for each format, so that a rebuild of one format reads only that format's.
 */
import { join } from 'node:path';
import type { z } from 'zod';
import type { Brief } from '../types.js';
import { generator } from '../version.js';
import { pruneCacheFiles, writeCacheFile } from '../io/cache-file.js';
import { sha256 } from '../io/hash.js';
import type { PlainFile } from './plain-file.js';
import type { FieldRenderings } from '../render/field-cache.js';
import { readSealedLines, sealedLines } from './sealed-file.js';
import { entrySchema, type Head, modelCacheVersion, type place, shape } from './model-cache-schema.js';

export interface CachedModel {
  /** Without its source positions. */
  brief: Brief;
  /** The brief's messages (warnings; a cached brief has no errors), without its text. */
  file: Omit<PlainFile, 'value'>;
  quotes: number;
  quotesVerified: number;
  idPlace: z.infer<typeof place> | undefined;
  codePoints: number[];
  showContents: boolean;
  /** Rendered fields by format, each read when called. */
  fields: Record<string, () => FieldRenderings>;
  /** False when the entry was checked against the schema instead (not sealed for it): writing it again seals it. */
  sealed?: boolean;
}

/** The key of a brief's model: everything parsing and validating it depends on (`fields`: the declared fields' key, see config/fields.ts). */
export function modelKey(sourceHash: string, path: string, limits: unknown, fields = ''): string {
  return sha256(JSON.stringify([modelCacheVersion, generator, sourceHash, path, limits ?? null, ...(fields ? [fields] : [])]));
}

const folder = 'models';
/** The entry's name in the cache dir. */
const nameOf = (key: string) => `${folder}/${key}.json`;

/** The cached model for `key`, or null when there is none or it cannot be trusted. */
export function readModel(cacheDir: string, key: string): CachedModel | null {
  const read = readSealedLines(join(cacheDir, nameOf(key)), shape());
  if (!read) return null;
  const entry = read.trusted ? trustedEntry(read.value as Head, read.rest) : checkedEntry(read.value, read.rest);
  if (!entry || entry.head.version !== modelCacheVersion || entry.head.key !== key) return null;
  const { brief, file, quotes, quotesVerified, idPlace, codePoints, showContents } = entry.head;
  // The schema checked every field; JSON leaves out the ones that were undefined.
  return {
    brief: brief as Brief,
    file: file as CachedModel['file'],
    quotes,
    quotesVerified,
    idPlace,
    codePoints,
    showContents,
    fields: entry.fields,
    sealed: read.trusted,
  };
}

type ReadEntry = { head: Head; fields: CachedModel['fields'] };

/** A sealed entry: its fields' lines are parsed when wanted (the seal vouched for their bytes). */
function trustedEntry(head: Head, rest: ReadonlyArray<() => string>): ReadEntry | null {
  if (!Array.isArray(head.groups) || head.groups.length !== rest.length) return null;
  return { head, fields: Object.fromEntries(head.groups.map((group, index) => [group, () => JSON.parse(rest[index]!()) as FieldRenderings])) };
}

/** An entry not sealed for this schema: every line parsed and checked now. */
function checkedEntry(value: unknown, rest: ReadonlyArray<() => string>): ReadEntry | null {
  let groups: unknown[];
  try {
    groups = rest.map((line) => JSON.parse(line()) as unknown);
  } catch {
    return null;
  }
  const checked = entrySchema.safeParse({ head: value, groups });
  if (!checked.success || checked.data.head.groups.length !== checked.data.groups.length) return null;
  const { head, groups: fields } = checked.data;
  return { head, fields: Object.fromEntries(head.groups.map((group, index) => [group, () => fields[index]!])) };
}

/** What a build writes of a brief: its model already without positions, its fields in one map. */
export type ModelToKeep = Omit<CachedModel, 'fields' | 'sealed'> & { fields: Readonly<FieldRenderings> };

/** Writes the entry for `key`, sealed (see io/cache-file.ts and sealed-file.ts), with `groupOf` sorting its fields' contexts by format. */
export async function writeModel(cacheDir: string, key: string, model: ModelToKeep, groupOf: (context: string) => string): Promise<void> {
  const { fields, ...kept } = model;
  const byGroup = new Map<string, FieldRenderings>();
  for (const [context, renderings] of Object.entries(fields)) {
    const group = groupOf(context);
    if (!byGroup.has(group)) byGroup.set(group, {});
    byGroup.get(group)![context] = renderings;
  }
  const groups = [...byGroup.keys()].sort();
  const head: Head = { version: modelCacheVersion, key, ...kept, groups };
  await writeCacheFile(cacheDir, nameOf(key), sealedLines(shape(), [head, ...groups.map((group) => byGroup.get(group))]));
}

/**
 * Removes the entries whose key is not in `keep` — briefs edited, deleted or renamed since, an
 * older tool version, other limits — and temp files of builds that were killed, so the folder
 * holds at most one entry per brief the build knows. Returns how many files went.
 */
export function pruneModels(cacheDir: string, keep: Iterable<string>): Promise<number> {
  return pruneCacheFiles(cacheDir, folder, new Set(Array.from(keep, (key) => `${key}.json`)));
}
