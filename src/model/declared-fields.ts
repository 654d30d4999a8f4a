/**
 * The schema of a brief in a project that declares front-matter fields (`fields` in
 * briefsmith.config.json): the model's schema with `meta.fields` narrowed to the declared names
 * and types. A declared field is then checked like a built-in one — zod's issues land at
 * `meta.fields.<name>`, where the front-matter reader recorded the value's place — and an
 * optional one the brief leaves out is null, so strict templates can test it with `#if`.
 */
import { z } from 'zod';
import { ConfigError } from '../config/config.js';
import { fieldsKey, type FieldDeclaration, type FieldDeclarations } from '../config/fields.js';
import { briefSchema } from './schema.js';
import { metaSchema } from './schema-meta.js';
import { isoDate } from './schema-values.js';

/** Front-matter keys briefsmith itself reads: a declared field cannot take one of them. */
export const builtInFrontMatterKeys: readonly string[] = [...Object.keys(metaSchema.shape).filter((key) => key !== 'fields'), 'sources', 'fields'];

/** Refuses declarations that would shadow a built-in field (a usage error naming `origin` and the key). */
export function checkDeclaredNames(fields: FieldDeclarations, origin: string): void {
  for (const name of Object.keys(fields)) {
    if (builtInFrontMatterKeys.includes(name))
      throw new ConfigError(origin, `\`fields.${name}\`: expected a name that is not a built-in front-matter field (\`${name}\` is one)`);
  }
}

/** "a list", "a number" …: what a value of the wrong type is, for messages. */
function kindOf(input: unknown): string {
  if (input === null) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'number') return 'a number (put it in quotes to keep it as written)';
  if (typeof input === 'boolean') return 'true/false (put it in quotes if it is text)';
  if (typeof input === 'object' && input !== null) return 'a mapping';
  return typeof input;
}

const notText = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? undefined : `expected ${expected}, found ${kindOf(issue.input)}`;
const text = z
  .string({ error: notText('text') })
  .trim()
  .min(1, 'expected text, found nothing');

/** The value schema of one declared field, before it is made optional. */
function valueSchema(declaration: FieldDeclaration): z.ZodType {
  switch (declaration.type) {
    case 'text':
      return text;
    case 'date':
      // YAML reads a bare year (`review: 2027`) as a number; it is still the year written.
      return z.preprocess(
        (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999 ? String(value) : value),
        z.string({ error: notText('an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)') }).pipe(isoDate),
      );
    case 'list':
      return z.array(text, { error: notText('a list of text (`- item` lines, or `[a, b]`)') });
    case 'choice':
      return z.enum((declaration.values ?? []) as [string, ...string[]]);
  }
}

/** The `meta.fields` schema for `fields`: each declared field, required or null when left out. */
function fieldsObject(fields: FieldDeclarations): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, declaration] of Object.entries(fields)) {
    const schema = valueSchema(declaration);
    shape[name] = declaration.required ? schema : schema.nullable().default(null);
  }
  return z.object(shape).prefault({});
}

const schemas = new Map<string, typeof briefSchema>();

/** The brief schema for a project declaring `fields` (the model's own schema without any). */
export function briefSchemaFor(fields: FieldDeclarations | undefined): typeof briefSchema {
  const key = fieldsKey(fields);
  if (!key || !fields) return briefSchema;
  let schema = schemas.get(key);
  if (!schema) {
    checkDeclaredNames(fields, 'the declared fields');
    // The inferred type stays the model's: `meta.fields` is a record of the same values.
    schema = briefSchema.extend({ meta: metaSchema.extend({ fields: fieldsObject(fields) }) }) as unknown as typeof briefSchema;
    // A long-lived process (watch, serve) re-reads a changed config: keep only a few.
    if (schemas.size >= 16) schemas.clear();
    schemas.set(key, schema);
  }
  return schema;
}
