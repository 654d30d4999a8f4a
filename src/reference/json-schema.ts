/** The JSON Schema of the model (what `out/<id>.json` holds), generated from the zod schema. */
import { z } from 'zod';
import type { FieldDeclarations } from '../config/fields.js';
import { briefSchemaFor } from '../model/declared-fields.js';

/**
 * JSON Schema (draft 2020-12) of a brief as written to `out/<id>.json`; with a project's
 * declared `fields`, `meta.fields` has exactly those properties.
 */
export function modelJsonSchema(fields?: FieldDeclarations): Record<string, unknown> {
  // `output`: fields with defaults are always present in the JSON; refinements (real calendar
  // dates) cannot be expressed and are left to briefsmith's own validation.
  const schema = z.toJSONSchema(briefSchemaFor(fields), { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: 'briefsmith brief',
    description: 'The typed briefing model, as written to out/<id>.json',
    ...rest,
  };
}
