/**
 * Every content problem briefsmith reports, in one place: one entry per rule, holding every fact
 * about it — id, title, severity, the details its message uses, message, hint, whether a brief
 * may silence it, and notes. The entries live by stage, one module each; docs/rules.md is
 * generated from these groups (src/reference/rules-reference.ts).
 * Messages follow unified's wording: "Unexpected `x`, expected `y`".
 */
import { analysis } from './analysis.js';
import { buildRecords } from './build.js';
import { citations } from './citations.js';
import { directives } from './directives.js';
import type { Details, RuleGroup } from './entry.js';
import { fields } from './fields.js';
import { frontMatter } from './front-matter.js';
import { links } from './links.js';
import { templates } from './templates.js';
import { text } from './text.js';

export type { Details, RuleEntry, RuleGroup, Severity } from './entry.js';

/** The stages, in the order a brief meets them. */
export const ruleGroups: readonly RuleGroup[] = [text, frontMatter, directives, fields, citations, links, analysis, templates, buildRecords];

/** The catalogue, keyed by rule id. */
export const catalogue = {
  ...text.rules,
  ...frontMatter.rules,
  ...directives.rules,
  ...fields.rules,
  ...citations.rules,
  ...links.rules,
  ...analysis.rules,
  ...templates.rules,
  ...buildRecords.rules,
};

export type RuleId = keyof typeof catalogue;

/** The details of rule `R`, as its entry declares them. */
export type DetailsOf<R extends RuleId> = Details<(typeof catalogue)[R]['details'][number]>;
