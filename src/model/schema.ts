/**
 * The briefing model. This zod schema is the single source of the model's TypeScript types:
 * every other module imports the inferred types from here (through `src/types.ts`).
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
/** The version of the model in out/<id>.json; a breaking change bumps it (see CHANGELOG.md). */
export const schemaVersion = 2;
/** Document kinds: each is a main template per format (`<layout>.html.hbs`, `<layout>.md.hbs`) and a stylesheet. */
export const layouts = ['brief', 'note'] as const;
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
  key: z.string().describe('The source key cited, as in `[@key]`'),
  locator: z.string().nullable().describe('The locator after the key (`p. 3` in `[@key, p. 3]`), or null'),
  position: positionSchema.optional(),
});

const part = {
  citations: z.array(citationSchema).describe('Every `[@key]` cited in this part, in order'),
  position: positionSchema.optional().describe('Where the part is in the brief (not in out/*.json)'),
};

export const sourceSchema = z.object({
  key: z
    .string()
    .regex(/^[A-Za-z0-9][\w.:-]*$/, 'expected a key of letters, digits, `-`, `_`, `.` or `:`')
    .describe('The key `[@key]` cites (front matter `sources:` key)'),
  outlet: plainText.describe('Who published it; "Outlet not named" when unknown'),
  title: plainText.describe('Title of the work'),
  date: isoDate.describe('Publication date (ISO, best known)'),
  dateNote: z.string().nullable().default(null).describe('A note on how the date is known'),
  url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null)
    .describe('Where it can be read (http or https)'),
  file: z.string().nullable().default(null).describe('The source text, in the `--sources-dir` folder, for quote checking'),
  reliability: z.enum(reliabilityGrades).nullable().default(null).describe('Admiralty reliability grade A–F'),
  note: z.string().nullable().default(null).describe('A note about the source'),
});

export const ruleSetting = z.enum(['off', 'warning', 'error']);

/** A brief id: it names files, so it is short (a file name has 255 bytes; temp names add ~30) and has no path characters. */
export const briefIdSchema = z
  .string()
  .max(100, 'expected an id of at most 100 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lowercase letters, digits and single hyphens');

export const metaSchema = z.object({
  id: briefIdSchema.describe('Names the outputs (out/<id>.*); lowercase letters, digits and hyphens, at most 100'),
  title: plainText.describe('The title'),
  subtitle: z.string().nullable().default(null).describe('A subtitle under the title'),
  date: fullDate.describe('Date of the brief (YYYY-MM-DD)'),
  classification: plainText.describe('Classification banner, top and bottom of every page'),
  audience: z.string().nullable().default(null).describe('Who the brief is for'),
  authors: z.array(plainText).default([]).describe('Authors or the unit that prepared it'),
  summary: richText.describe('Bottom line up front (Markdown, citations allowed)'),
  lang: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a language tag such as `en` or `en-GB`')
    .default('en')
    .describe('Language tag (`en`, `en-GB`): HTML lang and PDF language'),
  paper: z.enum(['a4', 'letter']).default('a4').describe('Paper size of the HTML print view and the PDF'),
  layout: z
    .enum(layouts)
    .default('brief')
    .describe(
      'Which document: `brief` (cover page, contents when long, every part) or `note` (one or two pages: a header with the bottom line, then the sections)',
    ),
  contents: z
    .enum(['auto', 'always', 'never'])
    .default('auto')
    .describe('Whether the printed brief has a contents page: `auto` (only a long brief with several sections), `always` or `never`'),
  keywords: z.array(z.string()).default([]).describe('Keywords for the PDF metadata'),
  pdfa: z.boolean().default(true).describe('Identify the PDF as PDF/A-2b (archival) as well as PDF/UA-1; false for templates that use what PDF/A forbids'),
  rules: z.record(z.string(), ruleSetting).default({}).describe('Lint rules turned off or re-graded for this brief: rule id → off, warning or error'),
});

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
