/** The model's TypeScript types, inferred from the zod schema (the single source of truth). */
import type { z } from 'zod';
import type * as schema from './model/schema.js';

export type Brief = z.infer<typeof schema.briefSchema>;
export type BriefMeta = z.infer<typeof schema.metaSchema>;
export type KeyJudgment = z.infer<typeof schema.judgmentSchema>;
export type RelationshipFile = z.infer<typeof schema.fileSchema>;
export type LegalAnalysis = z.infer<typeof schema.legalAnalysisSchema>;
export type Reaction = z.infer<typeof schema.reactionSchema>;
export type TimelineEvent = z.infer<typeof schema.eventSchema>;
export type Disagreement = z.infer<typeof schema.disagreementSchema>;
export type Source = z.infer<typeof schema.sourceSchema>;
export type Citation = z.infer<typeof schema.citationSchema>;
export type Quote = z.infer<typeof schema.quoteSchema>;
export type Section = z.infer<typeof schema.sectionSchema>;
export type Block = z.infer<typeof schema.blockSchema>;
export type Position = z.infer<typeof schema.positionSchema>;
export type Likelihood = (typeof schema.likelihoods)[number];
export type Confidence = (typeof schema.confidences)[number];
/** The input the schema accepts: what extraction hands to validation. */
export type BriefDraft = z.input<typeof schema.briefSchema>;
