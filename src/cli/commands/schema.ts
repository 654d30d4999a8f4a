/** `briefsmith schema`: prints the JSON Schema of the model (what out/<id>.json holds). */
import { modelJsonSchema } from '../../reference/json-schema.js';

/** Prints the schema; always exit 0. */
export function runSchema(): number {
  process.stdout.write(`${JSON.stringify(modelJsonSchema(), null, 2)}\n`);
  return 0;
}
