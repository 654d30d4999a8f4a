/**
 * What the template lint knows about a value: which view schemas it may have (a union gives
 * several), or that it came from a helper. Navigation mirrors Handlebars' strict lookups.
 */
import type { z } from 'zod';
import { modelPathOf } from '../view-schema.js';
import { definitionOf, roleOf } from '../../model/schema-definition.js';

export type Value =
  /** A value from the view; `model` is false for fields the view adds (css, generator, number). */
  | { kind: 'view'; schemas: z.ZodType[]; model: boolean; path: string }
  | { kind: 'literal'; value: unknown }
  /** Output of an escaping helper (md, rich, format-date …): safe in any template. */
  | { kind: 'escaped' }
  /** Text that no helper escaped (`join`): unsafe in Markdown templates. */
  | { kind: 'text'; path: string }
  /** Anything: after an error, or from a helper whose result the lint cannot know. */
  | { kind: 'unknown' };

export const unknownValue: Value = { kind: 'unknown' };

/** The schemas a value may have once optional/nullable/default wrappers and unions are opened. */
export function alternatives(schema: z.ZodType): z.ZodType[] {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'nullable':
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return alternatives(definition.innerType!);
    case 'pipe':
      return alternatives(definition.in!);
    case 'union':
      return (definition.options ?? []).flatMap(alternatives);
    default:
      return [schema];
  }
}

/** The zod type name of a schema (`object`, `array`, `string`, `enum` …). */
export const typeOf = (schema: z.ZodType): string => definitionOf(schema).type;

/** The fields `name` may be looked up as on `value`, for "expected one of" lists. */
export function fieldsOf(value: Value): string[] {
  if (value.kind !== 'view') return [];
  const fields = new Set<string>();
  for (const schema of value.schemas) {
    const definition = definitionOf(schema);
    if (definition.type === 'object') for (const key of Object.keys(definition.shape ?? {})) fields.add(key);
    if (definition.type === 'array') fields.add('length');
  }
  return [...fields].sort();
}

/** Called for each model field a template reads, e.g. `keyJudgments[].statement`. */
export type UsageListener = (modelPath: string) => void;

/**
 * `value.name` as a strict Handlebars lookup would see it: undefined when no alternative has the
 * field (an error in strict mode); `unknown` when the lint cannot tell.
 */
export function property(value: Value, name: string, onUse: UsageListener): Value | undefined {
  if (value.kind === 'unknown') return value;
  if (value.kind !== 'view')
    return value.kind === 'literal' && typeof value.value === 'string' && name === 'length' ? { kind: 'literal', value: 0 } : undefined;
  const found: z.ZodType[] = [];
  let model = value.model;
  for (const schema of value.schemas) {
    const definition = definitionOf(schema);
    if (definition.type === 'object' && definition.shape && Object.hasOwn(definition.shape, name)) {
      const modelPath = modelPathOf.get(schema);
      if (modelPath !== undefined) onUse(modelPath ? `${modelPath}.${name}` : name);
      const field = definition.shape[name]!;
      if (roleOf(field).viewOnly) model = false;
      found.push(...alternatives(field));
    } else if (definition.type === 'record') {
      found.push(...alternatives(definition.valueType!));
    } else if (definition.type === 'array' && name === 'length') {
      return { kind: 'literal', value: 0 };
    } else if (definition.type === 'array' && /^\d+$/.test(name)) {
      found.push(...alternatives(definition.element!));
    } else if (definition.type === 'any' || definition.type === 'unknown') {
      return unknownValue;
    }
  }
  if (found.length === 0) return undefined;
  return { kind: 'view', schemas: found, model, path: value.path ? `${value.path}.${name}` : name };
}

/** What `#each` iterates over: the element of an array or the value type of a record. */
export function elementOf(value: Value): Value {
  if (value.kind !== 'view') return unknownValue;
  const found = value.schemas.flatMap((schema) => {
    const definition = definitionOf(schema);
    if (definition.type === 'array') return alternatives(definition.element!);
    if (definition.type === 'record') return alternatives(definition.valueType!);
    return [];
  });
  return found.length === 0 ? unknownValue : { kind: 'view', schemas: found, model: value.model, path: `${value.path}[]` };
}

/** True when the value may be free text from the model (not an enum, number or view-only field). */
export function isModelText(value: Value): boolean {
  return value.kind === 'view' && value.model && value.schemas.some((schema) => typeOf(schema) === 'string');
}

/** For a dynamic partial `(lookup this "partial")`: each literal partial name with its variant. */
export function partialVariants(value: Value, field: string): Array<{ name: string; context: Value }> {
  if (value.kind !== 'view') return [];
  const variants: Array<{ name: string; context: Value }> = [];
  for (const schema of value.schemas) {
    const shape = definitionOf(schema).shape;
    const literal = shape?.[field] ? definitionOf(shape[field]) : undefined;
    if (literal?.type === 'literal') for (const name of literal.values ?? []) variants.push({ name: String(name), context: { ...value, schemas: [schema] } });
    if (literal?.type === 'enum') return [];
  }
  return variants;
}

/** A short description of a value for messages: "text", "a list", "a number" … */
export function describeValue(value: Value): string {
  if (value.kind === 'literal') return JSON.stringify(value.value) ?? 'undefined';
  if (value.kind !== 'view') return 'a value';
  const kinds = [...new Set(value.schemas.map(typeOf))];
  const names: Record<string, string> = {
    string: 'text',
    enum: 'a word from a fixed list',
    number: 'a number',
    array: 'a list',
    object: 'an object',
    record: 'a map',
    null: 'null',
    boolean: 'true/false',
    literal: 'a fixed word',
  };
  return `\`${value.path}\` (${kinds.map((kind) => names[kind] ?? kind).join(' or ')})`;
}
