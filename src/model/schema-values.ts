/**
 * The vocabularies and value types the model's parts share: ICD 203 words, kinds, ISO dates,
 * text, positions and citations. Part of the model's schema (see schema.ts).
 */
import { z } from 'zod';

/** ICD 203 expressions of likelihood, lowest to highest. */
export const likelihoods = ['almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', 'almost certain'] as const;
export const confidences = ['low', 'moderate', 'high'] as const;
export const stances = ['supportive', 'welcoming', 'cautious', 'critical', 'opposed', 'silent', 'mixed'] as const;
export const instrumentKinds = [
  'treaty',
  'convention',
  'agreement',
  'resolution',
  'principles',
  'law',
  'regulation',
  'decree',
  'ruling',
  'warrant',
  'other',
] as const;
/** What a legal analysis is about; `other` for anything the list does not name. */
export const legalKinds = [
  'extradition',
  'sanctions',
  'trade dispute',
  'treaty compliance',
  'investment dispute',
  'maritime',
  'use of force',
  'human rights',
  'jurisdiction',
  'other',
] as const;
/** Document kinds: each is a main template per format (`<layout>.html.hbs`, `<layout>.md.hbs`) and a stylesheet. */
export const layouts = ['brief', 'note'] as const;
export const reliabilityGrades = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

const point = z.object({ line: z.number().int(), column: z.number().int(), offset: z.number().int().optional() });
/** Where a part came from in the brief's source text. */
export const positionSchema = z.object({ start: point, end: point });

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked as a real calendar date. */
export const isoDate = z
  .string()
  // Each check stops the next: one error for one bad value (`15/10/2025` is not also a date that does not exist).
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'expected an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)', abort: true })
  .refine(
    (value) => {
      const [year, month = 1, day = 1] = value.split('-').map(Number) as [number, number?, number?];
      const date = new Date(Date.UTC(year, month - 1, day));
      return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    },
    { message: 'expected a calendar date that exists', abort: true },
  );

export const fullDate = isoDate.refine((value) => value.length === 10, 'expected a full ISO date (YYYY-MM-DD)');

/** Markdown text as written in the brief (citations `[@key]` and quotes `:q[…]` kept). */
export const richText = z.string().min(1, 'expected text, found nothing');
export const plainText = z.string().trim().min(1, 'expected text, found nothing');

export const citationSchema = z.object({
  key: z.string().describe('The source key cited, as in `[@key]`'),
  locator: z.string().nullable().describe('The locator after the key (`p. 3` in `[@key, p. 3]`), or null'),
  position: positionSchema.optional(),
});

/** What every typed part carries: its citations and its place in the brief. */
export const part = {
  citations: z.array(citationSchema).describe('Every `[@key]` cited in this part, in order'),
  position: positionSchema.optional().describe('Where the part is in the brief (not in out/*.json)'),
};
