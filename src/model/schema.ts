/**
 * The briefing model. This zod schema is the single source of the model's TypeScript types:
 * every other module imports the inferred types from here (through `src/types.ts`). The parts
 * live in schema-values.ts, schema-meta.ts, schema-parts.ts and schema-legal.ts; this module
 * puts them together and re-exports them.
 */
import { z } from 'zod';

import { disagreementSchema, eventSchema, fileSchema, judgmentSchema, quoteSchema, reactionSchema } from './schema-parts.js';
import { legalAnalysisSchema } from './schema-legal.js';
import { metaSchema, sourceSchema } from './schema-meta.js';
import { positionSchema } from './schema-values.js';

export * from './schema-values.js';
export * from './schema-meta.js';
export * from './schema-parts.js';
export * from './schema-legal.js';

/** The version of the model in out/<id>.json; a breaking change bumps it (see CHANGELOG.md). */
export const schemaVersion = 2;

const blockKinds = ['prose', 'judgment', 'file', 'legal', 'reaction', 'event', 'disagreement'] as const;
export const blockSchema = z.object({
  kind: z.enum(blockKinds).describe('What the block is'),
  /** Markdown of a prose block; null for a typed part. */
  markdown: z.string().nullable().describe('Markdown of a prose block; null for a typed part'),
  /** Index of the typed part in its array (judgment → keyJudgments[index], legal → legalAnalyses[index]); null for prose. */
  index: z
    .number()
    .int()
    .nullable()
    .describe('Index of the typed part in its list (judgment → keyJudgments[index], legal → legalAnalyses[index]); null for prose'),
});

export const sectionSchema = z.object({
  id: z.string().describe('Section id: the heading slug or `{#id}`'),
  title: z.string().describe('Heading text; empty for text before the first heading'),
  blocks: z.array(blockSchema).describe('The body in order: prose and typed parts'),
  position: positionSchema.optional().describe('Where the section is in the brief (not in out/*.json)'),
});

/** A whole brief: what `validateBrief` returns and what `out/<id>.json` holds. */
export const briefSchema = z.object({
  schemaVersion: z
    .literal(schemaVersion)
    .default(schemaVersion)
    .describe('The version of this model (2); it changes when a change would break readers of out/<id>.json'),
  meta: metaSchema.describe('Front matter: what the brief is'),
  keyJudgments: z.array(judgmentSchema).describe('Key judgments (`:::judgment`)'),
  files: z.array(fileSchema).describe('Files of the relationship (`::::file`)'),
  legalAnalyses: z.array(legalAnalysisSchema).describe('Legal analyses (`:::::legal{kind=…}`), each on one question'),
  reactions: z.array(reactionSchema).describe('Reactions by actor (`:::reaction`), each with its group'),
  timeline: z.array(eventSchema).describe('Timeline events (`::event`)'),
  disagreements: z.array(disagreementSchema).describe('Where sources disagree (`:::disagreement`)'),
  quotes: z.array(quoteSchema).describe('Direct quotes (`:q[…]{source=key}`)'),
  sources: z.array(sourceSchema).describe('The works cited, in front-matter order'),
  sections: z.array(sectionSchema).describe('The body, section by section'),
});
