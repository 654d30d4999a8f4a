/**
 * Required parts of the model that no template reads. A part the author must write but no
 * template shows is silently dropped from every output, which is worth a warning.
 */
import type { z } from 'zod';
import { briefSchema } from '../../model/schema.js';
import { definitionOf } from '../../model/schema-definition.js';

interface Node {
  path: string;
  children: Node[];
}

/**
 * Parts that are required but not meant to be shown as such: the id names the output files,
 * quotes and citations render inside the text they belong to, and the block kind and index are
 * how the view groups a section's body.
 */
const exempt = new Set(['meta.id', 'quotes', 'sections[].blocks[].kind', 'sections[].blocks[].index']);
const exemptField = new Set(['citations', 'position']);

/** Optional fields and fields with a default are not required; a nullable part (an object or list) still is. */
function requiredTree(schema: z.ZodType, path: string): Node[] {
  const definition = definitionOf(schema);
  if (definition.type === 'array') return requiredTree(definition.element!, `${path}[]`);
  if (definition.type === 'nullable') {
    const inner = definitionOf(definition.innerType!).type;
    return inner === 'object' || inner === 'array' ? requiredTree(definition.innerType!, path) : [];
  }
  if (definition.type !== 'object') return [];
  const nodes: Node[] = [];
  for (const [key, field] of Object.entries(definition.shape ?? {})) {
    const fieldPath = path ? `${path}.${key}` : key;
    const type = definitionOf(field).type;
    if (type === 'optional' || type === 'default' || exempt.has(fieldPath) || exemptField.has(key)) continue;
    if (type === 'nullable' && !['object', 'array'].includes(definitionOf(definitionOf(field).innerType!).type)) continue;
    nodes.push({ path: fieldPath, children: requiredTree(field, fieldPath) });
  }
  return nodes;
}

let tree: Node[] | undefined;

/** The outermost required parts with no read at or below them, in schema order. */
export function unusedParts(used: ReadonlySet<string>): string[] {
  tree ??= requiredTree(briefSchema, '');
  const paths = [...used];
  const readUnder = (path: string) => paths.some((usedPath) => usedPath === path || usedPath.startsWith(`${path}.`) || usedPath.startsWith(`${path}[]`));
  const unused: string[] = [];
  const visit = (node: Node) => {
    if (!readUnder(node.path)) unused.push(node.path);
    else node.children.forEach(visit);
  };
  tree.forEach(visit);
  return unused;
}
