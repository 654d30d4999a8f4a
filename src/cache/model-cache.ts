/**
 * The first level of the build cache: each valid brief's model, its messages and its rendered
 * rich-text fields, one file per brief in `<cache dir>/models/` (written only inside it, see contained.ts), keyed on the brief's source
 * hash (its text and the images it inlines), the tool version, its path and the parse limits.
 * A template, CSS or option change finds the model here and runs only the templates. An entry
 * is used only when it carries its own key and either its seal vouches for it (sealed-file.ts:
 * written by a build with this schema, bytes unchanged since) or, unsealed or sealed by a build
 * with another schema, it parses against this one: a corrupt, truncated, edited, foreign or older
 * file is ignored, and replaced after the brief is parsed again.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { briefSchema } from '../model/schema.js';
import type { Brief } from '../types.js';
import { generator } from '../version.js';
import { pruneCacheFiles, writeCacheFile } from '../io/cache-file.js';
import { sha256 } from '../io/hash.js';
import type { PlainFile } from './plain-file.js';
import { readSealed, sealed } from './sealed-file.js';

/** Bumped whenever an entry's meaning changes. */
const modelCacheVersion = 1;

const point = z.object({ line: z.number(), column: z.number(), offset: z.number().optional() });
const place = z.union([z.object({ start: point, end: point }), point]);
const optionalText = z.string().optional();
const message = z.object({
  reason: z.string(),
  place: place.optional(),
  ruleId: optionalText,
  source: optionalText,
  fatal: z.boolean().nullable().optional(),
  note: optionalText,
  url: optionalText,
  actual: optionalText,
  expected: z.array(z.string()).optional(),
});
const messagesOnly = z.object({ path: z.string(), messages: z.array(message) });

const entrySchema = z.object({
  version: z.literal(modelCacheVersion),
  key: z.string(),
  brief: briefSchema,
  file: messagesOnly,
  quotes: z.number(),
  quotesVerified: z.number(),
  idPlace: place.optional(),
  /** Rendered rich-text fields, as the field cache keys them. */
  fields: z.record(z.string(), z.string()),
});

let entryShape: string | undefined;

/**
 * What the entries of this build are sealed for: the entry schema as JSON Schema, so a build
 * whose model has another shape checks this one's entries instead of trusting them (worked out
 * once per process: converting the schema is not free).
 */
function shape(): string {
  entryShape ??= sha256(JSON.stringify([modelCacheVersion, z.toJSONSchema(entrySchema, { unrepresentable: 'any', io: 'output' })]));
  return entryShape;
}

type Entry = z.infer<typeof entrySchema>;

export interface CachedModel {
  brief: Brief;
  /** The brief's messages (warnings; a cached brief has no errors), without its text. */
  file: Omit<PlainFile, 'value'>;
  quotes: number;
  quotesVerified: number;
  idPlace: z.infer<typeof place> | undefined;
  fields: Record<string, string>;
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
  const read = readSealed(join(cacheDir, nameOf(key)), shape());
  if (!read) return null;
  const parsed = read.trusted ? { success: true as const, data: read.value as Entry } : entrySchema.safeParse(read.value);
  if (!parsed.success || parsed.data.version !== modelCacheVersion || parsed.data.key !== key) return null;
  const { brief, file, quotes, quotesVerified, idPlace, fields } = parsed.data;
  // The schema checked every field; JSON leaves out the ones that were undefined.
  return { brief: brief as Brief, file: file as CachedModel['file'], quotes, quotesVerified, idPlace, fields, sealed: read.trusted };
}

/** Writes the entry for `key`, sealed (see io/cache-file.ts and sealed-file.ts). */
export async function writeModel(cacheDir: string, key: string, model: CachedModel): Promise<void> {
  const { sealed: _sealed, ...kept } = model;
  await writeCacheFile(cacheDir, nameOf(key), sealed(shape(), { version: modelCacheVersion, key, ...kept }));
}

/**
 * Removes the entries whose key is not in `keep` — briefs edited, deleted or renamed since, an
 * older tool version, other limits — and temp files of builds that were killed, so the folder
 * holds at most one entry per brief the build knows. Returns how many files went.
 */
export function pruneModels(cacheDir: string, keep: Iterable<string>): Promise<number> {
  return pruneCacheFiles(cacheDir, folder, new Set(Array.from(keep, (key) => `${key}.json`)));
}
