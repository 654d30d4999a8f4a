/** The schema of a legal analysis and its parts. Part of the model's schema (see schema.ts). */
import { z } from 'zod';
import { confidences, instrumentKinds, isoDate, legalKinds, likelihoods, part, plainText, richText } from './schema-values.js';

export const instrumentSchema = z.object({
  name: plainText.describe('Name of the instrument'),
  kind: z.enum(instrumentKinds).describe('What kind of instrument it is'),
  signed: isoDate.nullable().describe('Date signed (ISO), if known'),
  ratified: isoDate.nullable().describe('Date ratified (ISO), if known'),
  provides: richText.describe('What it provides (Markdown)'),
  ...part,
});

const clauseSchema = z.object({
  instrument: z.string().nullable().describe('The instrument it comes from (`instrument` attribute), if any'),
  text: richText.describe('The clause (Markdown)'),
  ...part,
});
export const groundSchema = clauseSchema.extend({
  side: z.enum(['for', 'against']).describe('Whether it supports the request or claim (`for`) or tells against it (`against`: grounds to refuse, defences)'),
});
const partyPositionSchema = z.object({ party: plainText.describe('Whose position'), text: richText.describe('The position (Markdown)'), ...part });

export const legalAnalysisSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z][\w-]*$/, 'expected an id of letters, digits and hyphens')
    .describe('Unique id, for anchors (default legal-1, legal-2 …)'),
  kind: z.enum(legalKinds).describe('What the question is about (`kind` attribute)'),
  question: z.string().nullable().describe('The question the analysis answers (`question` attribute), if stated'),
  subject: z.string().nullable().describe('Who or what the question concerns (`subject` attribute)'),
  lead: z.string().nullable().describe('Lead paragraph (Markdown)'),
  request: z
    .object({
      kind: z
        .enum(['request', 'claim'])
        .describe('`request` (`::::request`: an extradition or assistance request) or `claim` (`::::claim`: a complaint, case or challenge)'),
      by: z.string().nullable().describe('Who made the request or claim'),
      against: z.string().nullable().describe('Against or to whom it is made, if stated'),
      date: isoDate.nullable().describe('When (ISO date)'),
      text: richText.describe('What was asked or claimed (Markdown)'),
      ...part,
    })
    .nullable()
    .describe('The request or claim (`::::request` or `::::claim`), or null'),
  instruments: z.array(instrumentSchema).describe('Legal instruments and principles (`::::instrument`)'),
  grounds: z.array(groundSchema).describe('Grounds for or against the request or claim (`::::ground{side=…}`)'),
  obligations: z.array(clauseSchema).describe('Obligations (`::::obligation`)'),
  positions: z.array(partyPositionSchema).describe('Positions of the parties (`::::position`)'),
  assessment: z
    .object({
      likelihood: z.enum(likelihoods).nullable().describe('ICD 203 likelihood of the outcome the question asks about, if stated'),
      confidence: z.enum(confidences).nullable().describe('Confidence in the assessment, if stated'),
      text: richText.describe('The reasoning (Markdown)'),
      ...part,
    })
    .describe('The assessment (`::::assessment`)'),
  ...part,
});
