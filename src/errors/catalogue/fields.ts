/** The rules of one stage — fields and values: what the schema checks: fields of the front matter, attributes of directives, ids. */
import { type RuleGroup, rule } from './entry.js';

export const fields = {
  title: 'Fields and values',
  about: 'What the schema checks: fields of the front matter, attributes of directives, ids.',
  rules: {
    'missing-field': rule({
      title: 'Missing field',
      severity: 'error',
      details: ['field', 'expected'],
      message: (d) => `Unexpected missing \`${d.field}\`, expected ${d.expected}`,
      hint: 'Add the field; docs/format.md lists what each part needs.',
      silenceable: false,
    }),
    'invalid-value': rule({
      title: 'Invalid value',
      severity: 'error',
      details: ['value', 'field', 'expected'],
      message: (d) => `Unexpected \`${d.value}\` for \`${d.field}\`, expected ${d.expected}`,
      hint: 'docs/format.md lists the allowed values.',
      silenceable: false,
    }),
    'unknown-field': rule({
      title: 'Unknown field',
      severity: 'warning',
      details: ['field', 'expected'],
      message: (d) => `Unexpected field \`${d.field}\`, expected one of ${d.expected}`,
      hint: 'Remove the field or fix its spelling.',
      silenceable: true,
    }),
    'duplicate-id': rule({
      title: 'Duplicate id',
      severity: 'error',
      details: ['what', 'id', 'also?'],
      message: (d) => `Unexpected duplicate ${d.what} \`${d.id}\`${d.also ?? ''}, expected each to be unique`,
      hint: 'Give each part its own id.',
      silenceable: false,
    }),
  },
} satisfies RuleGroup;
