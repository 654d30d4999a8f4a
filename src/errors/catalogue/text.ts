/** The rules of one stage — reading the text: problems of the file itself, found before it is parsed. */
import { type RuleGroup, rule } from './entry.js';

export const text = {
  title: 'Reading the text',
  about: 'Problems of the file itself, found before it is parsed.',
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
      hint: 'Split the brief, or raise the limit in the build options.',
      silenceable: false,
    }),
  },
} satisfies RuleGroup;
