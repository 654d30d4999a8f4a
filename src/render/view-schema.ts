/**
 * The template context as a zod schema, derived from the model's schema plus what `buildView`
 * adds. The template lint checks every `{{path}}` against it, and a test parses real views with
 * it (strict objects), so the documented context, the lint and the renderer cannot drift apart.
 * What the view adds rather than takes from the model (numbers, partial names, css, generator …)
 * is marked `viewOnly` here, so the escaping rules do not count it as model text.
 */
import { z } from 'zod';
import { briefSchema, likelihoods } from '../model/schema.js';
import { definitionOf, viewOnly } from '../model/schema-definition.js';
import { fieldsKey, type FieldDeclaration, type FieldDeclarations } from '../config/fields.js';

/** The model path (`keyJudgments[]`, `files[].interests[]`) of each object in the view schema. */
export const modelPathOf = new WeakMap<z.ZodType, string>();

/**
 * Rebuilds `schema` as the view sees it: no `position`, strict objects, defaults applied (so
 * every field is present), each object registered with its model path.
 */
function toView(schema: z.ZodType, path: string): z.ZodType {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'object': {
      const shape: Record<string, z.ZodType> = {};
      for (const [key, field] of Object.entries(definition.shape ?? {})) {
        if (key !== 'position') shape[key] = toView(field, path ? `${path}.${key}` : key);
      }
      const object = z.strictObject(shape);
      modelPathOf.set(object, path);
      return object;
    }
    case 'array':
      return z.array(toView(definition.element!, `${path}[]`));
    case 'nullable':
      return toView(definition.innerType!, path).nullable();
    case 'default':
      return toView(definition.innerType!, path);
    case 'optional':
      return toView(definition.innerType!, path).optional();
    default:
      return schema;
  }
}

const model = toView(briefSchema, '') as z.ZodObject<Record<string, z.ZodType>>;
const part = (key: string) => (definitionOf(model.shape[key]!).element ?? model.shape[key]!) as z.ZodObject<Record<string, z.ZodType>>;
const numbered = (object: z.ZodObject<Record<string, z.ZodType>>) => {
  const extended = object.extend({ number: viewOnly(z.number().int().describe('Position in its list, from 1')) });
  modelPathOf.set(extended, modelPathOf.get(object) ?? '');
  return extended;
};

const judgment = numbered(part('keyJudgments'));
const source = numbered(part('sources'));
const legalPart = part('legalAnalyses');
const ground = definitionOf(legalPart.shape.grounds!).element!;
const legal = legalPart.extend({
  groundsFor: z.array(ground).describe('The grounds with `side=for`, in order'),
  groundsAgainst: z.array(ground).describe('The grounds with `side=against`, in order'),
});
modelPathOf.set(legal, modelPathOf.get(legalPart) ?? '');
const reaction = part('reactions');
const reactionGroup = z.strictObject({
  name: z.string().nullable().describe('The group (`group` attribute), or null for reactions given none'),
  items: z.array(reaction).describe('Its reactions, in the order the brief gives them'),
});
modelPathOf.set(reactionGroup, 'reactions[]');

/** One entry of `section.blocks`: which partial renders it and the parts it holds. */
const prose = z.strictObject({ partial: viewOnly(z.literal('prose')), markdown: z.string(), items: z.array(z.never()) });
modelPathOf.set(prose, 'sections[].blocks[]');
const group = (name: string, item: z.ZodType) => z.strictObject({ partial: viewOnly(z.literal(name)), markdown: z.null(), items: z.array(item) });
export const blockViewSchema = z.discriminatedUnion('partial', [
  prose,
  group('judgments', judgment),
  group('file', part('files')),
  group('legal', legal),
  group('reactions', reaction).extend({ groups: z.array(reactionGroup).describe('The same reactions by group, each group where its first reaction stands') }),
  group('timeline', part('timeline')),
  group('disagreement', part('disagreements')),
]);

const fileLink = z.strictObject({ id: z.string(), title: z.string() });
modelPathOf.set(fileLink, 'files[]');
const section = z.strictObject({
  id: z.string().describe('The section id (heading slug), for anchors'),
  title: z.string().describe('The heading text; empty for text before the first heading'),
  blocks: z.array(blockViewSchema).describe('The section body in order; consecutive judgments, reactions and events are grouped'),
  files: z.array(fileLink).describe('The files in this section, for the contents'),
});
modelPathOf.set(section, 'sections[]');

/** The root context before `meta.fields` is narrowed to a project's declared fields. */
const rootSchema = model.extend({
  keyJudgments: z.array(judgment),
  sources: z.array(source),
  sections: z.array(section),
  sourceNumbers: viewOnly(z.record(z.string(), z.number().int()).describe('Source key → its number in the Sources list')),
  likelihoodScale: viewOnly(z.array(z.enum(likelihoods)).describe('The ICD 203 likelihood words, lowest to highest')),
  generator: viewOnly(z.string().describe('Tool name and version, for colophons')),
  css: viewOnly(z.string().describe('Print CSS and fonts (HTML only; empty elsewhere and in site mode); output with {{{css}}}')),
  stylesheets: viewOnly(
    z.array(z.string()).describe('Site mode (`build --site`): stylesheets to link, relative to the page (fonts, then the brief stylesheet); empty otherwise'),
  ),
  changes: z
    .strictObject({
      since: z.string().describe('Date (ISO) of the previously published brief'),
      groups: z.array(z.strictObject({ title: z.string(), items: z.array(z.string()).describe('One line each, Markdown (use `inline`)') })),
    })
    .nullable()
    .describe('"Changes since <date>" (`build --since`); null otherwise'),
  showContents: viewOnly(z.boolean().describe('Whether the printed brief has a contents page (`meta.contents`; `auto` decides by length)')),
});

/** A declared field as templates see it: null when an optional one is left out. */
function declaredView(declaration: FieldDeclaration): z.ZodType {
  const value =
    declaration.type === 'list'
      ? z.array(z.string())
      : declaration.type === 'choice'
        ? z.enum((declaration.values ?? []) as [string, ...string[]])
        : z.string();
  const described = declaration.description ? value.describe(declaration.description) : value;
  return declaration.required ? described : described.nullable();
}

const viewSchemas = new Map<string, typeof rootSchema>();

/**
 * The root context of a project declaring `fields`: `meta.fields` is a strict object of exactly
 * those names, so the lint knows `meta.fields.reference` when it is declared and reports any other.
 */
export function viewSchemaFor(fields: FieldDeclarations = {}): typeof rootSchema {
  const key = fieldsKey(fields);
  const known = viewSchemas.get(key);
  if (known) return known;
  const declared = z
    .strictObject(Object.fromEntries(Object.entries(fields).map(([name, declaration]) => [name, declaredView(declaration)])))
    .describe('The fields the project declares in briefsmith.config.json, by name; null when an optional one is left out');
  modelPathOf.set(declared, 'meta.fields');
  const meta = (rootSchema.shape.meta as z.ZodObject).extend({ fields: declared });
  modelPathOf.set(meta, 'meta');
  const schema = rootSchema.extend({ meta });
  modelPathOf.set(schema, '');
  // A long-lived process (watch, serve) lints again after each config change: keep only a few.
  if (viewSchemas.size >= 16) viewSchemas.clear();
  viewSchemas.set(key, schema);
  return schema;
}

/** What every template receives (`brief.*.hbs`, `pdf/*.hbs`) as its root context, in a project that declares no fields. */
export const viewSchema = viewSchemaFor({});
