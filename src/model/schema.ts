/**
 * The briefing model. This zod schema is the single source of the model's TypeScript types:
 * every other module imports the inferred types from here (through `src/types.ts`).
 */
import { z } from 'zod';

/** ICD 203 expressions of likelihood, lowest to highest. */
export const likelihoods = [
  'almost no chance',
  'very unlikely',
  'unlikely',
  'roughly even chance',
  'likely',
  'very likely',
  'almost certain',
] as const;
export const confidences = ['low', 'moderate', 'high'] as const;
export const stances = ['supportive', 'welcoming', 'cautious', 'critical', 'opposed', 'silent', 'mixed'] as const;
export const instrumentKinds = ['treaty', 'convention', 'resolution', 'principles', 'law', 'decree', 'warrant', 'other'] as const;
export const reliabilityGrades = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

const point = z.object({ line: z.number().int(), column: z.number().int(), offset: z.number().int().optional() });
/** Where a part came from in the brief's source text. */
export const positionSchema = z.object({ start: point, end: point });

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked as a real calendar date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)')
  .refine((value) => {
    const [year, month = 1, day = 1] = value.split('-').map(Number) as [number, number?, number?];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'expected a calendar date that exists');

const fullDate = isoDate.refine((value) => value.length === 10, 'expected a full ISO date (YYYY-MM-DD)');

/** Markdown text as written in the brief (citations `[@key]` and quotes `:q[…]` kept). */
const richText = z.string().min(1, 'expected text, found nothing');
const plainText = z.string().trim().min(1, 'expected text, found nothing');

export const citationSchema = z.object({
  key: z.string(),
  locator: z.string().nullable(),
  position: positionSchema.optional(),
});

const part = { citations: z.array(citationSchema), position: positionSchema.optional() };

export const sourceSchema = z.object({
  key: z.string().regex(/^[A-Za-z0-9][\w.:-]*$/, 'expected a key of letters, digits, `-`, `_`, `.` or `:`'),
  outlet: plainText,
  title: plainText,
  date: isoDate,
  dateNote: z.string().nullable().default(null),
  url: z.url({ protocol: /^https?$/ }).nullable().default(null),
  file: z.string().nullable().default(null),
  reliability: z.enum(reliabilityGrades).nullable().default(null),
  note: z.string().nullable().default(null),
});

export const ruleSetting = z.enum(['off', 'warning', 'error']);

export const metaSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lowercase letters, digits and single hyphens'),
  title: plainText,
  subtitle: z.string().nullable().default(null),
  date: fullDate,
  classification: plainText,
  audience: z.string().nullable().default(null),
  authors: z.array(plainText).default([]),
  summary: richText,
  lang: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a language tag such as `en` or `en-GB`').default('en'),
  paper: z.enum(['a4', 'letter']).default('a4'),
  keywords: z.array(z.string()).default([]),
  rules: z.record(z.string(), ruleSetting).default({}),
});

export const judgmentSchema = z.object({
  id: z.string().min(1),
  statement: richText,
  basis: z.string().nullable(),
  likelihood: z.enum(likelihoods),
  confidence: z.enum(confidences),
  ...part,
});

export const interestSchema = z.object({ party: plainText, text: richText, ...part });

export const fileSchema = z.object({
  id: z.string().regex(/^[A-Za-z][\w-]*$/, 'expected an id of letters, digits and hyphens'),
  title: plainText,
  lead: z.string().nullable(),
  interests: z.array(interestSchema).min(1, 'expected at least one `:::interest{party=…}` in a file'),
  state: richText,
  outlook: richText,
  ...part,
});

export const instrumentSchema = z.object({
  name: plainText,
  kind: z.enum(instrumentKinds),
  signed: isoDate.nullable(),
  ratified: isoDate.nullable(),
  provides: richText,
  ...part,
});

const clauseSchema = z.object({ instrument: z.string().nullable(), text: richText, ...part });
const partyPositionSchema = z.object({ party: plainText, text: richText, ...part });

export const extraditionSchema = z.object({
  subject: z.string().nullable(),
  lead: z.string().nullable(),
  request: z.object({ by: z.string().nullable(), date: isoDate.nullable(), text: richText, ...part }),
  instruments: z.array(instrumentSchema),
  exceptions: z.array(clauseSchema),
  obligations: z.array(clauseSchema),
  positions: z.array(partyPositionSchema),
  assessment: z.object({
    likelihood: z.enum(likelihoods).nullable(),
    confidence: z.enum(confidences).nullable(),
    text: richText,
    ...part,
  }),
  ...part,
});

export const reactionSchema = z.object({
  actor: plainText,
  group: z.string().nullable(),
  stance: z.enum(stances),
  date: isoDate,
  text: richText,
  ...part,
});

export const eventSchema = z.object({ date: isoDate, text: richText, ...part });

export const disagreementSchema = z.object({
  topic: plainText,
  views: z.array(z.object({ text: richText, ...part })).min(2, 'expected at least two views (list items) to compare'),
  note: z.string().nullable(),
  ...part,
});

export const quoteSchema = z.object({ text: z.string(), source: z.string(), position: positionSchema.optional() });

const blockKinds = ['prose', 'judgment', 'file', 'extradition', 'reaction', 'event', 'disagreement'] as const;
export const blockSchema = z.object({
  kind: z.enum(blockKinds),
  /** Markdown of a prose block; null for a typed part. */
  markdown: z.string().nullable(),
  /** Index of the typed part in its array (judgment → keyJudgments[index]); null for prose. */
  index: z.number().int().nullable(),
});

export const sectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  blocks: z.array(blockSchema),
  position: positionSchema.optional(),
});

/** A whole brief: what `validateBrief` returns and what `out/<id>.json` holds. */
export const briefSchema = z.object({
  meta: metaSchema,
  keyJudgments: z.array(judgmentSchema),
  files: z.array(fileSchema),
  extradition: extraditionSchema.nullable(),
  westernReactions: z.array(reactionSchema),
  timeline: z.array(eventSchema),
  disagreements: z.array(disagreementSchema),
  quotes: z.array(quoteSchema),
  sources: z.array(sourceSchema),
  sections: z.array(sectionSchema),
});
