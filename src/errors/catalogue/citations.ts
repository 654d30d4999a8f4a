/** The rules of one stage — citations, sources and quotes: `[@key]` citations, the `sources:` they name, and `:q[…]` quotes checked against the sources' text. */
import { type RuleGroup, rule } from './entry.js';

export const citations = {
  title: 'Citations, sources and quotes',
  about: "`[@key]` citations, the `sources:` they name, and `:q[\u2026]` quotes checked against the sources' text.",
  rules: {
    'unresolved-citation': rule({
      title: 'Citation of an unknown source',
      severity: 'error',
      details: ['key', 'suggestion'],
      message: (d) => `Unexpected citation \`@${d.key}\`, expected a key declared under \`sources\`${d.suggestion}`,
      hint: 'Declare the source in the front matter or fix the key.',
      silenceable: false,
    }),
    'malformed-citation': rule({
      title: 'Citation that does not form',
      severity: 'error',
      details: ['found', 'expected'],
      message: (d) => `Unexpected ${d.found}, expected ${d.expected}`,
      hint: 'A citation is `[@key]`, `[@key, p. 3]` or `[@a; @b]`, keys as declared under `sources`; write `\\[@` for the characters themselves.',
      silenceable: false,
      notes: [
        'A `[@` in the text that forms no citation: `[@key` without `]`, `[@]`, `[@ key]` (space after `@`), or a key',
        'followed by something other than a locator (`[@key x]`). Also inside the front matter `summary`, at its own line',
        'and column. Write `\\[@` for the characters themselves.',
      ].join('\n'),
    }),
    'unmatched-footnote': rule({
      title: 'Footnote without its other half',
      severity: 'error',
      details: ['found', 'expected'],
      message: (d) => `Unexpected ${d.found}, expected ${d.expected}`,
      hint: 'A footnote is a `[^label]` in the text and a line `[^label]: the note` (anywhere in the brief); give each the other, or write `\\[^` for the characters themselves.',
      silenceable: false,
    }),
    'unused-source': rule({
      title: 'Source never cited',
      severity: 'warning',
      details: ['key'],
      message: (d) => `Unexpected unused source \`${d.key}\`, expected at least one \`[@${d.key}]\``,
      hint: 'Cite the source or remove it from the list.',
      silenceable: true,
    }),
    'source-after-brief': rule({
      title: 'Source dated after the brief',
      severity: 'warning',
      details: ['key', 'sourceDate', 'briefDate'],
      message: (d) => `Unexpected source \`${d.key}\` dated ${d.sourceDate}, expected a date on or before the brief's ${d.briefDate}`,
      hint: 'Check the dates of the source and of the brief.',
      silenceable: true,
    }),
    'quote-not-found': rule({
      title: 'Quote not in source',
      severity: 'error',
      details: ['quote', 'key', 'nearest'],
      message: (d) => `Unexpected quote \`${d.quote}\`, expected the exact words of source \`${d.key}\`${d.nearest}`,
      hint: 'Copy the words exactly, or paraphrase without quotation.',
      silenceable: true,
      notes: [
        'Only with `briefsmith check --sources-dir DIR` (without it, quotes are counted and a note says they were not',
        "verified). Each `:q[…]{source=key}` must appear in the text of that source's `file`, read from DIR, after",
        'white space is folded to single spaces and curly quotes and apostrophes to straight ones. The message shows the',
        'nearest passage of the source when one is close.',
      ].join('\n'),
    }),
    'quote-source-missing': rule({
      title: 'Quote source text missing',
      severity: 'warning',
      details: ['key', 'reason'],
      message: (d) => `Unexpected source \`${d.key}\` without readable text (${d.reason}), expected a \`file\` in the sources dir`,
      hint: 'Set `file:` on the source and pass `--sources-dir`.',
      silenceable: true,
      notes: 'Reported once per source, at its entry in `sources:`, when it has no `file`, the file cannot be read, or its path leads outside DIR (`../x`).',
    }),
  },
} satisfies RuleGroup;
