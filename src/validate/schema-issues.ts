/** Maps zod issues on the draft to catalogue messages placed at the part or attribute at fault. */
import { shortened } from '../source/text.js';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { report, didYouMean, listOf } from '../errors/report.js';
import { placeOf, type Places } from '../model/places.js';
import type { FieldDeclarations } from '../config/fields.js';

const attributeNames = new Set([
  'likelihood',
  'confidence',
  'actor',
  'stance',
  'date',
  'id',
  'title',
  'party',
  'name',
  'kind',
  'topic',
  'source',
  'signed',
  'ratified',
  'side',
  'group',
  'by',
  'question',
]);
const blockExpectations: Record<string, string> = {
  statement: 'a first paragraph that states the judgment',
  text: 'text inside the block',
  provides: 'text that says what the instrument provides',
  state: 'a `:::state` block inside the file',
  outlook: 'a `:::outlook` block inside the file',
  assessment: 'a `::::assessment` block inside the legal analysis',
};

/** Describes what a missing field should have been, in the terms an author writes. */
function expectation(path: readonly PropertyKey[]): string {
  const field = String(path.at(-1));
  if (path[0] === 'meta') return `a front matter field \`${field}:\``;
  if (path[0] === 'sources') return `a field \`${field}:\` on the source`;
  if (blockExpectations[field]) return blockExpectations[field];
  if (attributeNames.has(field)) return `an attribute \`${field}=…\``;
  return 'a value';
}

function display(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return shortened(text);
}

/** Rules that mean the front matter could not be read. */
export const frontMatterRules: ReadonlySet<string> = new Set([
  'frontmatter-missing',
  'frontmatter-unclosed',
  'frontmatter-engine',
  'yaml-syntax',
  'yaml-unsafe',
]);

/**
 * Reports every issue of a failed parse (zod collects all of them, not just the first). When the
 * front matter itself could not be read, its fields' issues are left out: they only restate it.
 */
export function reportSchemaIssues(file: VFile, issues: readonly z.core.$ZodIssue[], places: Places, fields: FieldDeclarations = {}): void {
  const frontMatterFailed = file.messages.some((message) => frontMatterRules.has(message.ruleId ?? ''));
  for (const issue of issues) {
    if (frontMatterFailed && (issue.path[0] === 'meta' || issue.path[0] === 'sources')) continue;
    const place = placeOf(places, issue.path);
    // One error per bad value: a value an earlier rule refused (`date=2025-01 and more`) is not refused again.
    if (errorAt(file, place)) continue;
    const message = reportIssue(file, issue, place);
    const declared = issue.path[0] === 'meta' && issue.path[1] === 'fields' ? String(issue.path[2]) : undefined;
    const description = declared === undefined ? undefined : fields[declared]?.description;
    if (declared !== undefined)
      message.note = `\`${declared}\` is a field the project declares (\`fields\` in briefsmith.config.json)${description ? `: ${description}` : '.'}`;
  }
}

function errorAt(file: VFile, place: ReturnType<typeof placeOf>): boolean {
  const start = place && 'start' in place ? place.start : place;
  if (!start) return false;
  return file.messages.some(
    (message) =>
      message.fatal &&
      message.place &&
      ('start' in message.place ? message.place.start : message.place).line === start.line &&
      ('start' in message.place ? message.place.start : message.place).column === start.column,
  );
}

function reportIssue(file: VFile, issue: z.core.$ZodIssue, place: ReturnType<typeof placeOf>) {
  const path = issue.path;
  // A list item's problem names the list; its place is the item's.
  const field = String(path.findLast((segment) => typeof segment !== 'number') ?? 'brief');
  const input = (issue as { input?: unknown }).input;
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const values = issue.code === 'invalid_value' ? ` (${listOf(issue.values.map(String))})` : '';
    return report(file, 'missing-field', place, { field, expected: `${expectation(path)}${values}` });
  }
  if (issue.code === 'invalid_value') {
    const values = issue.values.map(String);
    return report(file, 'invalid-value', place, {
      value: display(input),
      field,
      expected: `${listOf(values)}${didYouMean(String(input), values)}`,
    });
  }
  const expected = issue.message.startsWith('expected ') ? issue.message.slice('expected '.length) : `a valid value (${issue.message})`;
  return report(file, 'invalid-value', place, { value: display(input), field, expected });
}
