/**
 * docs/rules.md, generated from the error catalogue so the list of rules cannot drift from the
 * code: `npm run docs:rules` writes it (scripts/docs-rules.js), and test/rules-doc.test.ts fails
 * when the file in the repository is stale.
 */
import { type RuleEntry, type RuleGroup, ruleGroups } from '../errors/catalogue/index.js';
import { likelihoodSynonyms } from '../validate/rules/likelihood-words.js';
import { referenceSectionIds } from '../validate/rules/analytic-sections.js';

/** Why a rule cannot be set in a brief's own `rules:`, or null when it can. */
function notPerBrief(group: RuleGroup, rule: RuleEntry): string | null {
  if (group.notPerBrief) return group.notPerBrief;
  if (!rule.silenceable) return 'the model could not be built, or is unsafe: silencing it would only hide why the brief was not rendered';
  return null;
}

/** Lists kept with the rule that counts them (in src/validate), printed after the entry's notes. */
const counted: Record<string, () => string[]> = {
  'likelihood-mismatch': () => groupedSynonyms().map(([likelihood, words]) => `- \`${likelihood}\`: ${words.map((word) => `"${word}"`).join(', ')}`),
  'uncited-paragraph': () => [`Reference sections: ${referenceSectionIds.map((id) => `\`${id}\``).join(', ')}.`],
};

function groupedSynonyms(): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const [words, likelihood] of likelihoodSynonyms) groups.set(likelihood, [...(groups.get(likelihood) ?? []), words]);
  return [...groups];
}

/**
 * Details that show each one as `‹name›`. Suggestions are often empty, so patterns show the message
 * without them; optional details are empty in the message and left out for the hint (which then
 * says what it says when the occurrence gives none).
 */
function patternDetails(rule: RuleEntry, optional: '' | undefined): Record<string, string> {
  return Object.fromEntries(
    rule.details.flatMap((name) => {
      if (name.endsWith('?')) return optional === undefined ? [] : [[name.slice(0, -1), optional]];
      return [[name, name === 'nearest' || name === 'suggestion' ? '' : `‹${name}›`]];
    }),
  );
}

const messagePattern = (rule: RuleEntry) => rule.message(patternDetails(rule, ''));
const hintPattern = (rule: RuleEntry) => (typeof rule.hint === 'string' ? rule.hint : rule.hint(patternDetails(rule, undefined)));

/** What docs/rules.md says before the table: where it comes from, and how a brief sets a rule. */
const preamble = [
  '# Rules',
  '',
  '<!-- Generated from src/errors/catalogue/ by src/reference/rules-reference.ts; regenerate with',
  '     npm run docs:rules -->',
  '',
  'Every problem briefsmith reports has a rule id, printed at the end of each line of `briefsmith check`,',
  'with a `help:` line saying what to do. An error stops the brief from being built (exit code 1); a warning',
  'does not, unless `--max-warnings N` is given and there are more than N.',
  '',
  'A brief can turn a rule off or change its severity in its front matter:',
  '',
  '```yaml',
  'rules:',
  '  uncited-paragraph: off        # off | warning | error',
  '  likelihood-mismatch: error',
  '```',
  '',
  'Turning off an error the model needs (such as `missing-field`) hides the message, but the brief still',
  'cannot be built.',
];

interface Entry {
  id: string;
  group: RuleGroup;
  rule: RuleEntry;
}

/** The whole of docs/rules.md. */
export function rulesMarkdown(): string {
  const entries = ruleGroups.flatMap((group) => Object.entries(group.rules).map(([id, rule]) => ({ id, group, rule: rule as unknown as RuleEntry })));
  const lines = [
    ...preamble,
    '',
    '| id | severity | title | stage |',
    '|---|---|---|---|',
    ...entries.map(({ id, group, rule }) => `| [\`${id}\`](#${id}) | ${rule.severity} | ${rule.title} | ${group.title} |`),
    '',
    'The stages, in the order a brief meets them:',
    '',
    ...ruleGroups.map((group) => `- **${group.title}**: ${group.about}`),
    ...entries.flatMap(entrySection),
  ];
  return `${lines.join('\n')}\n`;
}

/** One rule's section: its message and fix as patterns, whether a brief may turn it off, its notes. */
function entrySection({ id, group, rule }: Entry): string[] {
  const reason = notPerBrief(group, rule);
  const lines = [
    '',
    `## ${id}`,
    '',
    `**${rule.title}** — ${rule.severity}; ${group.title.toLowerCase()}.`,
    '',
    `- Reported as: ${messagePattern(rule)}`,
    `- Fix: ${hintPattern(rule)}`,
    `- Turn off: ${reason ? `not per brief (${reason})` : `\`rules: { ${id}: off }\``}`,
  ];
  if (rule.notes) lines.push('', rule.notes);
  const list = counted[id]?.();
  if (list) lines.push('', ...list);
  return lines;
}
