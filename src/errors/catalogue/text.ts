/** The rules of one stage — reading the text: problems of the file itself, found before it is parsed, and what the work on it may cost. */
import { type RuleGroup, rule } from './entry.js';

export const text = {
  title: 'Reading the text',
  about: 'Problems of the file itself, found before it is parsed, and work on it that goes over its time or memory limit.',
  rules: {
    'suspicious-character': rule({
      title: 'Suspicious character',
      severity: 'warning',
      details: ['what'],
      message: (d) => `Unexpected ${d.what}, expected ordinary text`,
      hint: 'Bidi controls can disguise text; NUL and invalid bytes are usually corruption.',
      silenceable: true,
    }),
    'limit-exceeded': rule({
      title: 'Limit exceeded',
      severity: 'error',
      details: ['what', 'actual', 'limit'],
      message: (d) => `Unexpected ${d.what} (${d.actual}), expected at most ${d.limit}`,
      hint: 'Split the brief, or raise the limit (its `--max-…` flag, or `limits` in briefsmith.config.json).',
      silenceable: false,
    }),
    'resource-limit': rule({
      title: 'Time or memory limit exceeded',
      severity: 'error',
      details: ['resource', 'what', 'limit', 'flag'],
      message: (d) => `Unexpected ${d.resource}: ${d.what}, expected at most ${d.limit}`,
      hint: (d) =>
        `Something in this brief makes briefsmith work far harder than its size explains (a long run of markup, a huge table, deep nesting), so it was stopped and the other briefs went on. Look at what changed last and split or simplify it; if the brief really needs more, raise the limit with \`${d.flag}\` (or \`limits\` in briefsmith.config.json).`,
      silenceable: false,
    }),
  },
} satisfies RuleGroup;
