/** `briefsmith schema`: prints the JSON Schema of the model (what out/<id>.json holds). */
import { modelJsonSchema } from '../../reference/json-schema.js';
import { projectConfig } from '../project-config.js';

/** Prints the schema, with the project's declared fields (exit 0; a bad config is exit 2). */
export async function runSchema(): Promise<number> {
  const config = await projectConfig();
  process.stdout.write(`${JSON.stringify(modelJsonSchema(config.fields), null, 2)}\n`);
  return 0;
}
