/** The shape of a model-cache entry (model-cache.ts), and the fingerprint its seals are made for. */
import { z } from 'zod';
import { briefSchema } from '../model/schema.js';
import { sha256 } from '../io/hash.js';

/** Bumped whenever an entry's meaning changes. */
export const modelCacheVersion = 3;

const point = z.object({ line: z.number(), column: z.number(), offset: z.number().optional() });
export const place = z.union([z.object({ start: point, end: point }), point]);
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

/** A format's rendered fields: by context, then by the field's Markdown (render/field-cache.ts). */
const fieldsSchema = z.record(z.string(), z.record(z.string(), z.string()));

/** The entry's first line. */
export const headSchema = z.object({
  version: z.literal(modelCacheVersion),
  key: z.string(),
  /** The model without its source positions: what the templates see of it, and what out/*.json holds. */
  brief: briefSchema,
  file: messagesOnly,
  quotes: z.number(),
  quotesVerified: z.number(),
  idPlace: place.optional(),
  /** The code points above U+007E of the model's text (render/plain-copy.ts), and whether it gets a contents page. */
  codePoints: z.array(z.number().int().nonnegative()),
  showContents: z.boolean(),
  /** The formats whose rendered fields follow, a line each, as the field cache keys them. */
  groups: z.array(z.string()),
});

/** Every line at once, as an entry not sealed for this schema is checked. */
export const entrySchema = z.object({ head: headSchema, groups: z.array(fieldsSchema) });

let entryShape: string | undefined;

/**
 * What the entries of this build are sealed for: the entry schema as JSON Schema, so a build
 * whose model has another shape checks this one's entries instead of trusting them (worked out
 * once per process: converting the schema is not free).
 */
export function shape(): string {
  entryShape ??= sha256(JSON.stringify([modelCacheVersion, z.toJSONSchema(entrySchema, { unrepresentable: 'any', io: 'output' })]));
  return entryShape;
}

export type Head = z.infer<typeof headSchema>;
