/**
 * The structure of a zod schema, read through zod's public `def` and metadata (`.meta()`): the
 * template lint and the view schema walk the model's schema, and this is the one place that
 * knows how a definition looks and what a schema declares about itself.
 */
import type { z } from 'zod';

/** The parts of a zod definition the walkers use; which are set depends on `type`. */
export interface SchemaDefinition {
  /** `object`, `array`, `nullable`, `optional`, `default`, `union`, `enum`, `literal`, `pipe`, … */
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  in?: z.ZodType;
}

export function definitionOf(schema: z.ZodType): SchemaDefinition {
  return schema.def as unknown as SchemaDefinition;
}

/** What a schema may declare about itself in its metadata. */
export interface SchemaRole {
  /** A field the view adds (a number, a partial name, the css): never text from the brief. */
  viewOnly?: boolean;
}

/** `schema`, declared as a field the view adds rather than model data. */
export function viewOnly<T extends z.ZodType>(schema: T): T {
  return schema.meta({ viewOnly: true } satisfies SchemaRole);
}

/** What `schema` declares about itself (nothing for most schemas). */
export function roleOf(schema: z.ZodType): SchemaRole {
  return (schema.meta() ?? {}) as SchemaRole;
}
