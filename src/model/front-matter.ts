/** Reads the YAML front matter into the draft's `meta` and `sources`, with places for each field. */
import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { report, didYouMean, likelyMeant, listOf } from '../errors/report.js';
import { metaSchema, sourceSchema } from './schema.js';
import type { Places } from './places.js';
import { readYaml } from './yaml-document.js';

/** What a brief writes in its front matter; `fields` is where the model keeps the declared ones. */
const metaFields = Object.keys(metaSchema.shape).filter((field) => field !== 'fields');
const sourceFields = Object.keys(sourceSchema.shape).filter((field) => field !== 'key');

export interface FrontMatter {
  meta: Record<string, unknown>;
  sources: Array<Record<string, unknown>>;
}

/**
 * Parses the `yaml` node; reports problems on `file` and records places. A `declared` field
 * (briefsmith.config.json) goes into `meta.fields`; an empty one (`reference:`) counts as left out.
 */
export function readFrontMatter(node: Yaml | undefined, file: VFile, places: Places, declared: readonly string[] = []): FrontMatter {
  const result: FrontMatter = { meta: {}, sources: [] };
  if (!node?.position) return result;
  const toPoint = location(String(file.value)).toPoint;
  const base = (node.position.start.offset ?? 0) + 4;
  const range = (yamlRange: readonly number[] | undefined) => {
    const start = toPoint(base + (yamlRange?.[0] ?? 0));
    const end = toPoint(base + (yamlRange?.[1] ?? yamlRange?.[0] ?? 0));
    return start && end ? { start, end } : node.position;
  };
  places.set('meta', node.position);

  const read = readYaml(node.value, file, (offset) => (offset === undefined ? node.position?.start : range([offset])?.start));
  if (!read) return result;
  const { document, data } = read;
  if (data === null || data === undefined) return result;
  if (!isMap(document.contents) || typeof data !== 'object' || Array.isArray(data)) {
    report(file, 'invalid-value', node.position.start, { value: 'front matter', field: 'front matter', expected: 'a mapping of fields' });
    return result;
  }

  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyRange = isScalar(pair.key) ? (pair.key.range ?? undefined) : undefined;
    const valueRange = (pair.value as YamlNode | null)?.range ?? keyRange;
    if (key === 'sources') {
      places.set('sources', range(keyRange) ?? node.position);
      readSources(pair.value, (data as Record<string, unknown>).sources, result, places, range, file);
      continue;
    }
    const value = (data as Record<string, unknown>)[key];
    if (declared.includes(key)) {
      placeDeclared(`meta.fields.${key}`, pair.value as YamlNode | null, range(valueRange) ?? node.position, places, range);
      if (value !== null) result.meta.fields = { ...(result.meta.fields as object | undefined), [key]: value };
      continue;
    }
    places.set(`meta.${key}`, range(valueRange) ?? node.position);
    if (!metaFields.includes(key)) {
      const known = [...metaFields, ...declared];
      report(file, 'unknown-field', range(keyRange)?.start, { field: key, expected: `${listOf([...known, 'sources'])}${didYouMean(key, known)}` });
      // Should the field it was meant to be be missing, that error belongs here, at its cause.
      const meant = likelyMeant(key, known);
      const meantPath = meant === undefined ? undefined : declared.includes(meant) ? `meta.fields.${meant}` : `meta.${meant}`;
      if (meantPath && !places.has(meantPath)) places.set(meantPath, range(keyRange) ?? node.position);
      continue;
    }
    result.meta[key] = value;
  }
  return result;
}

/** Records a declared field's place, and each item's when it is a list (so a bad item is shown where it is). */
function placeDeclared(
  path: string,
  value: YamlNode | null,
  place: NonNullable<PlaceValue>,
  places: Places,
  range: (r: readonly number[] | undefined) => PlaceValue,
): void {
  places.set(path, place);
  if (!isSeq(value)) return;
  value.items.forEach((item, index) => {
    const itemPlace = range((item as YamlNode | null)?.range ?? undefined);
    if (itemPlace) places.set(`${path}.${index}`, itemPlace);
  });
}

function readSources(
  value: unknown,
  data: unknown,
  result: FrontMatter,
  places: Places,
  range: (r: readonly number[] | undefined) => PlaceValue,
  file: VFile,
): void {
  if (!isMap(value)) {
    report(file, 'invalid-value', places.get('sources')?.start, { value: 'sources', field: 'sources', expected: 'a mapping of source keys to sources' });
    return;
  }
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const index = result.sources.length;
    places.set(`sources.${index}`, range(isScalar(pair.key) ? (pair.key.range ?? undefined) : undefined) ?? places.get('sources')!);
    const source: Record<string, unknown> = { key };
    if (isMap(pair.value)) {
      for (const field of pair.value.items) {
        const name = isScalar(field.key) ? String(field.key.value) : '';
        const fieldRange = (field.value as YamlNode | null)?.range ?? (isScalar(field.key) ? field.key.range : undefined);
        places.set(`sources.${index}.${name}`, range(fieldRange ?? undefined) ?? places.get(`sources.${index}`)!);
        if (!sourceFields.includes(name)) {
          report(file, 'unknown-field', range(isScalar(field.key) ? (field.key.range ?? undefined) : undefined)?.start, {
            field: name,
            expected: `${listOf(sourceFields)}${didYouMean(name, sourceFields)}`,
          });
          continue;
        }
        source[name] = (data as Record<string, Record<string, unknown>>)[key]?.[name];
      }
    }
    result.sources.push(source);
  }
}

type PlaceValue = ReturnType<Places['get']>;
