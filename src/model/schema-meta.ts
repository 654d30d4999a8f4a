/** The front matter's schema: the brief's `meta` and its `sources`. Part of the model's schema (see schema.ts). */
import { z } from 'zod';
import { fullDate, isoDate, layouts, plainText, reliabilityGrades, richText } from './schema-values.js';

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

/** The value of a project-declared field: text (text, date, choice), a list of text, or null when not given. */
export const declaredFieldValue = z.union([z.string(), z.array(z.string())]).nullable();

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
  fields: z
    .record(z.string(), declaredFieldValue)
    .default({})
    .describe(
      'The front-matter fields the project declares (`fields` in briefsmith.config.json), by name in the order declared: text, a date, a list of text or one of its values; null for an optional one the brief does not give. Empty without declarations',
    ),
});
