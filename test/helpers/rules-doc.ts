/**
 * Generates docs/rules.md from the error catalogue, so the list of rules cannot drift from the
 * code: test/rules-doc.test.ts fails when the file is stale and rewrites it with UPDATE=1.
 */
import { catalogue, type RuleEntry } from '../../src/errors/catalogue.js';
import { likelihoodSynonyms } from '../../src/validate/rules/likelihood-words.js';
import { referenceSectionIds } from '../../src/validate/rules/analytic-sections.js';

/** Rules a brief's own `rules:` cannot reach, and why. */
function notPerBrief(id: string, rule: RuleEntry): string | null {
  if (id.startsWith('template-')) return 'reported on a template, not on a brief';
  if (/^(frontmatter-|yaml-)/.test(id)) return 'raised while reading the front matter, before its `rules:` can be read';
  if (!rule.silenceable) return 'the model could not be built, or is unsafe: silencing it would only hide why the brief was not rendered';
  return null;
}

/** What the analytic rules count, beyond their one-line message. */
const notes: Record<string, string> = {
  'unknown-directive': [
    'Every directive-shaped thing is either known or this error, at its own position: an unknown container',
    '(`:::judgement`), an unknown leaf (`::evnt[…]{…}`), and an unknown text directive written with a label or',
    'attributes (`:qoute[…]{…}`). A bare `:word` inside text (`n:th`, `3:17`) is ordinary text.',
  ].join('\n'),
  'unclosed-directive': [
    'Reported once, at the opening fence. When the block holds something that cannot stand in it — a `##` section',
    'heading, or a part that belongs elsewhere (a second `:::reaction`, a `::::file` inside a file) — the message',
    'names it as the place the block should have ended, and the rest of the brief is read as if the closing fence',
    'were there, so later blocks are not reported again. Otherwise the block ran to the end of the document or of',
    'the block around it, and the message says so.',
  ].join('\n'),
  'same-colon-nesting': [
    "A `:::file` holding a `:::interest` closes at the interest's closing `:::`, so the rest of the file would fall",
    "out of it. Reported once, at the outer fence; the parts that follow (up to the file's own closing fence) are",
    'read as part of the file, so they are not reported again as misplaced.',
  ].join('\n'),
  'yaml-syntax': [
    "Reported once, at the cause, in the writer's terms: an unquoted `: ` inside a value (put the value in quotes), a tab",
    'in the indentation, a line indented further or less than the fields beside it (at that line), a quote or `[` that',
    'never closes, a field given twice. Only the first YAML error is reported: one slip breaks the grammar of every line',
    'after it. Until the front matter can be read, citations, sources and quotes are not checked, and the hint says so.',
  ].join('\n'),
  'malformed-citation': [
    'A `[@` in the text that forms no citation: `[@key` without `]`, `[@]`, `[@ key]` (space after `@`), or a key',
    'followed by something other than a locator (`[@key x]`). Also inside the front matter `summary`, at its own line',
    'and column. Write `\\[@` for the characters themselves.',
  ].join('\n'),
  'malformed-directive': [
    'A line that starts with `::name` but does not form a leaf directive (a `[` or `{` that does not close), or a',
    '`:q` whose `[` does not close. Without this error the event or quote would drop out of the model and the',
    'characters would be printed as typed.',
  ].join('\n'),
  'stray-fence': [
    'A line of three or more colons in the text: a closing fence with no block open (often the opening fence was',
    'deleted or misspelt), or an opening fence with a space before the name (`::: judgment`). When the parts of a',
    'block stand before it (`:::interest` … `::::` with no `::::file`), the message says where the opening fence',
    'belongs, and those parts are not reported again as misplaced.',
  ].join('\n'),
  'quote-not-found': [
    'Only with `briefsmith check --sources-dir DIR` (without it, quotes are counted and a note says they were not',
    "verified). Each `:q[…]{source=key}` must appear in the text of that source's `file`, read from DIR, after",
    'white space is folded to single spaces and curly quotes and apostrophes to straight ones. The message shows the',
    'nearest passage of the source when one is close.',
  ].join('\n'),
  'quote-source-missing':
    'Reported once per source, at its entry in `sources:`, when it has no `file`, the file cannot be read, or its path leads outside DIR (`../x`).',
  'likelihood-mismatch': [
    'Checks the first paragraph (the statement) of each `judgment`. Words are read on the ICD 203 scale as follows:',
    '',
    ...groupedSynonyms().map(([likelihood, words]) => `- \`${likelihood}\`: ${words.map((word) => `"${word}"`).join(', ')}`),
    '',
    'Not counted: comparatives and negations ("more likely than", "as likely as", "not likely"), "probable cause",',
    '"remote" outside "remote chance/possibility/prospect", and words that are not the author\'s own — citations',
    '(`[@likely-source]`), quotes (`:q[…]`, text in quotation marks) and directive attributes.',
  ].join('\n'),
  'likelihood-confidence-mixed': [
    'Reported at the start of the sentence (line:column), once per sentence that holds both a likelihood word (as',
    'above) and a confidence phrase ("high/moderate/low confidence", "confidence is high", "we are confident").',
    'Citations and quotes do not end or start a sentence, and abbreviations such as "Maj. Gen." do not split one.',
  ].join('\n'),
  'uncited-paragraph': [
    'Every paragraph of an analytic section needs a citation (`[@key]` or a quote `:q[…]{source=key}`). All sections',
    'are analytic, including prose before the first heading and every part inside a directive, except reference',
    `sections whose title (or \`{#id}\`) is one of: ${referenceSectionIds.map((id) => `\`${id}\``).join(', ')}.`,
    'Exempt: a paragraph that only introduces a list (it ends with a colon and a list follows); directive labels;',
    'footnote definitions. A list item is one unit: it is reported at its first paragraph when none of its own',
    'paragraphs cites. Tables are not checked.',
  ].join('\n'),
};

function groupedSynonyms(): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const [words, likelihood] of likelihoodSynonyms) groups.set(likelihood, [...(groups.get(likelihood) ?? []), words]);
  return [...groups];
}

/** The message with each detail shown as `‹name›`. */
function messagePattern(rule: RuleEntry): string {
  // Suggestions and optional details are often empty: the pattern shows the message without them.
  const details = Object.fromEntries(
    rule.details.map((name) => [name.replace(/\?$/, ''), name.endsWith('?') || name === 'nearest' || name === 'suggestion' ? '' : `‹${name}›`]),
  );
  return rule.message(details);
}

/** The whole of docs/rules.md. */
export function rulesMarkdown(): string {
  const entries = Object.entries(catalogue) as unknown as Array<[string, RuleEntry]>;
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from src/errors/catalogue.ts by test/helpers/rules-doc.ts; regenerate with',
    '     UPDATE=1 npx vitest run test/rules-doc.test.ts -->',
    '',
    'Every problem briefsmith reports has a rule id, printed at the end of each line of `briefsmith check`.',
    'An error stops the brief from being built (exit code 1); a warning does not.',
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
    '',
    '| id | severity | title |',
    '|---|---|---|',
    ...entries.map(([id, rule]) => `| [\`${id}\`](#${id}) | ${rule.severity} | ${rule.title} |`),
  ];
  for (const [id, rule] of entries) {
    const reason = notPerBrief(id, rule);
    lines.push(
      '',
      `## ${id}`,
      '',
      `**${rule.title}** — ${rule.severity}.`,
      '',
      `- Reported as: ${messagePattern(rule)}`,
      `- Fix: ${rule.hint}`,
      `- Turn off: ${reason ? `not per brief (${reason})` : `\`rules: { ${id}: off }\``}`,
    );
    if (notes[id]) lines.push('', notes[id]);
  }
  return `${lines.join('\n')}\n`;
}
