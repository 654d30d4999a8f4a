/**
 * The structure of a zod schema, read through zod's public `def`: the template lint and the view
 * schema walk the model's schema, and this is the one place that knows how a definition looks.
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
