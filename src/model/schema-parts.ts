/** The schemas of the body's typed parts other than legal analyses. Part of the model's schema (see schema.ts). */
import { z } from 'zod';
import { confidences, isoDate, likelihoods, part, plainText, positionSchema, richText, stances } from './schema-values.js';

export const judgmentSchema = z.object({
  id: z.string().min(1).describe('Unique id (default kj-1, kj-2 …)'),
  statement: richText.describe('The judgment: the first paragraph (Markdown)'),
  basis: z.string().nullable().describe('Further paragraphs: the basis of the judgment (Markdown)'),
  likelihood: z.enum(likelihoods).describe('ICD 203 likelihood word'),
  confidence: z.enum(confidences).describe('Confidence in the judgment'),
  ...part,
});

export const interestSchema = z.object({
  party: plainText.describe('Whose interest (`party` attribute)'),
  text: richText.describe('What the party wants (Markdown)'),
  ...part,
});

export const fileSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z][\w-]*$/, 'expected an id of letters, digits and hyphens')
    .describe('Unique id, for anchors'),
  title: plainText.describe('Title of the file'),
  lead: z.string().nullable().describe('Lead paragraph before the parts (Markdown)'),
  interests: z
    .array(interestSchema)
    .min(1, 'expected at least one `:::interest{party=…}` in a file')
    .describe("Each party's interest (`:::interest`), at least one"),
  state: richText.describe('State of play (`:::state`, Markdown)'),
  outlook: richText.describe('Where it goes next (`:::outlook`, Markdown)'),
  ...part,
});

export const reactionSchema = z.object({
  actor: plainText.describe('Who reacted'),
  group: z
    .string()
    .trim()
    .min(1, 'expected a group name, found nothing')
    .nullable()
    .describe('The group of actors it is shown under (`group` attribute: West, Region, International organisations …), or null'),
  stance: z.enum(stances).describe('Their stance'),
  date: isoDate.describe('When (ISO date)'),
  text: richText.describe('What they said or did (Markdown)'),
  ...part,
});

export const eventSchema = z.object({
  date: isoDate.describe('When (YYYY, YYYY-MM or YYYY-MM-DD)'),
  text: richText.describe('What happened (Markdown)'),
  ...part,
});

export const disagreementSchema = z.object({
  topic: plainText.describe('What the sources disagree on'),
  views: z
    .array(z.object({ text: richText.describe('The view (Markdown)'), ...part }))
    .min(2, 'expected at least two views (list items) to compare')
    .describe('One view per list item, at least two'),
  note: z.string().nullable().describe('Closing paragraph: our reading (Markdown)'),
  ...part,
});

export const quoteSchema = z.object({
  text: z.string().describe('The exact words quoted (`:q[…]`)'),
  source: z.string().describe('Key of the quoted source'),
  position: positionSchema.optional().describe('Where the quote is in the brief (not in out/*.json)'),
});
