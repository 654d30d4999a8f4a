/**
 * The first level of the build cache: each valid brief's model, its messages and its rendered
 * rich-text fields, one file per brief in `<cache dir>/models/` (written only inside it, see contained.ts), keyed on the brief's source
 * hash (its text and the images it inlines), the tool version, its path and the parse limits.
 * A template, CSS or option change finds the model here and runs only the templates. An entry
 * is used only when it parses against the schema and carries its own key: a corrupt, truncated,
 * foreign or older file is ignored, and replaced after the brief is parsed again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { briefSchema } from '../model/schema.js';
import type { Brief } from '../types.js';
import { generator } from '../version.js';
import { pruneCacheFiles, writeCacheFile } from '../io/cache-file.js';
import { sha256 } from '../io/hash.js';
import type { PlainFile } from './plain-file.js';

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

export interface CachedModel {
  brief: Brief;
  /** The brief's messages (warnings; a cached brief has no errors), without its text. */
  file: Omit<PlainFile, 'value'>;
  quotes: number;
  quotesVerified: number;
  idPlace: z.infer<typeof place> | undefined;
  fields: Record<string, string>;
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
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(join(cacheDir, nameOf(key)), 'utf8'));
  } catch {
    return null;
  }
  const parsed = entrySchema.safeParse(data);
  if (!parsed.success || parsed.data.key !== key) return null;
  const { brief, file, quotes, quotesVerified, idPlace, fields } = parsed.data;
  // The schema checked every field; JSON leaves out the ones that were undefined.
  return { brief: brief as Brief, file: file as CachedModel['file'], quotes, quotesVerified, idPlace, fields };
}

/** Writes the entry for `key` (see io/cache-file.ts). */
export async function writeModel(cacheDir: string, key: string, model: CachedModel): Promise<void> {
  await writeCacheFile(cacheDir, nameOf(key), JSON.stringify({ version: modelCacheVersion, key, ...model }));
}

/**
 * Removes the entries whose key is not in `keep` — briefs edited, deleted or renamed since, an
 * older tool version, other limits — and temp files of builds that were killed, so the folder
 * holds at most one entry per brief the build knows. Returns how many files went.
 */
export function pruneModels(cacheDir: string, keep: Iterable<string>): Promise<number> {
  return pruneCacheFiles(cacheDir, folder, new Set(Array.from(keep, (key) => `${key}.json`)));
}
