/**
 * Project-declared front-matter fields: the `fields` setting of `briefsmith.config.json`. Each
 * field has a type (text, date, list of text, or one of a set of values) and may be required;
 * briefs then write it in their front matter like a built-in field, and templates read it as
 * `meta.fields.<name>`. The declarations are plain data so they cross to worker threads as is.
 */
import { z } from 'zod';

/** What a declared field holds. */
export const fieldTypes = ['text', 'date', 'list', 'choice'] as const;

/** One declared field, as the config gives it (after defaults). */
export interface FieldDeclaration {
  type: (typeof fieldTypes)[number];
  required: boolean;
  /** The allowed values of a `choice` field. */
  values?: string[] | undefined;
  /** What the field is for: shown in the hint of a message about it. */
  description?: string | undefined;
}

/** The declared fields by name, in the config's order. */
export type FieldDeclarations = Readonly<Record<string, FieldDeclaration>>;

/** A name templates can reach as `meta.fields.<name>` without brackets, and a YAML key without quotes. */
const fieldName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a field name of letters, digits and `_`, starting with a letter')
  // The front matter refuses these keys (prototype pollution), so a brief could never give the field.
  .refine((name) => name !== 'constructor' && name !== 'prototype', 'expected a name other than `constructor` or `prototype`');

const declarationSchema = z
  .strictObject({
    type: z.enum(fieldTypes, { error: () => `expected a type: ${fieldTypes.map((type) => `\`${type}\``).join(', ')}` }),
    required: z.boolean({ error: 'expected true or false' }).default(false),
    values: z
      .array(z.string().trim().min(1, 'expected a value, found nothing'), { error: 'expected a list of values' })
      .min(1, 'expected at least one value')
      .optional(),
    description: z.string({ error: 'expected text' }).optional(),
  })
  .superRefine((declaration, context) => {
    if (declaration.type === 'choice' && !declaration.values)
      context.addIssue({ code: 'custom', path: ['values'], message: 'expected the `values` a `choice` field allows' });
    if (declaration.type !== 'choice' && declaration.values)
      context.addIssue({ code: 'custom', path: ['values'], message: `expected no \`values\` on a \`${declaration.type}\` field (only \`choice\` has them)` });
    const values = declaration.values ?? [];
    const repeated = values.find((value, index) => values.indexOf(value) !== index);
    if (repeated !== undefined) context.addIssue({ code: 'custom', path: ['values'], message: `expected each value once, found \`${repeated}\` twice` });
  });

/** The `fields` setting: field name → declaration. */
export const fieldsSetting = z
  .record(fieldName, declarationSchema, {
    error: (issue) => (issue.code === 'invalid_type' ? 'expected an object of field name → declaration' : undefined),
  })
  .describe('Front-matter fields the project adds: name → { type, required, values, description }');

/** A stable text of the declarations, for cache keys: a changed declaration must rebuild. */
export function fieldsKey(fields: FieldDeclarations | undefined): string {
  return fields && Object.keys(fields).length > 0 ? JSON.stringify(fields) : '';
}
