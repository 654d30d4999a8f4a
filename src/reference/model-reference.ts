/**
 * docs/model.md, generated from the model's JSON Schema: one table per object (field, type,
 * required, description). `npm run docs:model` writes it; a test fails when it is stale.
 */
import GithubSlugger from 'github-slugger';
import { modelJsonSchema } from './json-schema.js';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  additionalProperties?: JsonSchema | boolean;
}

interface Table {
  path: string;
  schema: JsonSchema;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** Objects are compared without descriptions: the same shape is documented once. */
const shapeKey = (schema: JsonSchema) => JSON.stringify(schema, (key, value: unknown) => (key === 'description' ? undefined : value));

/** Walks the schema collecting each distinct object, and returns a type label for `schema`. */
function typeLabel(schema: JsonSchema, path: string, tables: Table[], anchors: Map<string, string>): string {
  if (schema.anyOf) {
    const labels = schema.anyOf.map((option) => typeLabel(option, path, tables, anchors));
    return [...new Set(labels)].join(' or ');
  }
  if (schema.enum) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(', ');
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
  return types
    .map((type) => {
      if (type === 'array') return `list of ${typeLabel(schema.items ?? {}, `${path}[]`, tables, anchors)}`;
      if (type === 'object' && schema.properties) {
        const key = shapeKey(schema);
        if (!anchors.has(key)) {
          anchors.set(key, path);
          tables.push({ path, schema });
        }
        return `[object](#${anchors.get(key)})`;
      }
      if (type === 'object' && typeof schema.additionalProperties === 'object')
        return `map of text to ${typeLabel(schema.additionalProperties, `${path}.*`, tables, anchors)}`;
      return type === 'integer' ? 'whole number' : type === 'string' ? 'text' : String(type);
    })
    .join(' or ');
}

/** The Markdown of docs/model.md. */
export function modelReference(): string {
  const root = modelJsonSchema() as JsonSchema;
  const tables: Table[] = [{ path: 'brief', schema: root }];
  const anchors = new Map<string, string>([[shapeKey(root), 'brief']]);
  const sections: string[] = [];
  // Anchors are the headings' GitHub slugs; paths are unique, so the slugs are too.
  const anchorOf = (path: string) => new GithubSlugger().slug(`\`${path}\``);
  for (let index = 0; index < tables.length; index += 1) {
    const { path, schema } = tables[index]!;
    const rows: string[] = [];
    for (const [name, field] of Object.entries(schema.properties ?? {})) {
      if (name === 'position') continue;
      const childPath = path === 'brief' ? name : `${path}.${name}`;
      const type = typeLabel(field, childPath, tables, anchors).replace(/\(#([^)]+)\)/g, (_, target: string) => `(#${anchorOf(target)})`);
      const required = field.default !== undefined ? `no (default \`${JSON.stringify(field.default)}\`)` : schema.required?.includes(name) ? 'yes' : 'no';
      rows.push(`| \`${name}\` | ${cell(type)} | ${required} | ${cell(field.description ?? '')} |`);
    }
    sections.push(
      `## \`${path}\`\n\n${schema.description && path !== 'brief' ? `${schema.description}\n\n` : ''}| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`,
    );
  }
  const intro = [
    '# The briefing model',
    '',
    '<!-- Generated from src/model/schema.ts by `npm run docs:model`; do not edit by hand. -->',
    '',
    'What `out/<id>.json` holds, and (with the fields listed in [templates.md](templates.md)) what',
    'templates see. `briefsmith schema` prints the same model as a JSON Schema. A field marked',
    '"no (default …)" is always present in the JSON, with that value when the brief leaves it out.',
    'Source positions (`position`) are kept in memory for error messages and are not written out.',
    '',
  ].join('\n');
  return `${intro}\n${sections.join('\n')}`;
}
