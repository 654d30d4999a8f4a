/** Extraction of a `::::file` with its `interest`, `state` and `outlook` blocks. */
import type { ContainerDirective } from 'mdast-util-directive';
import type { RootContent } from 'mdast';
import { report } from '../errors/report.js';
import { type ExtractContext, attribute, contentChildren } from './context.js';

const fieldNames = ['state', 'outlook'] as const;

/** Returns the draft of one file; nested blocks that do not belong here are reported. */
export function extractFile(context: ExtractContext, node: ContainerDirective, index: number) {
  const path = `files.${index}`;
  context.placeDirective(path, node);
  context.checkAttributes(node, ['id', 'title'], path);
  const lead: RootContent[] = [];
  const interests: Array<Record<string, unknown>> = [];
  const fields: Partial<Record<(typeof fieldNames)[number], string>> = {};

  for (const child of contentChildren(node)) {
    if (child.type !== 'containerDirective') {
      lead.push(child);
      continue;
    }
    context.handled.add(child);
    if (child.name === 'interest') {
      const interestPath = `${path}.interests.${interests.length}`;
      context.placeDirective(interestPath, child);
      context.checkAttributes(child, ['party'], interestPath);
      interests.push({
        party: attribute(child, 'party'),
        text: context.slice(contentChildren(child)) ?? undefined,
        citations: context.citations(child),
        position: child.position,
      });
    } else if ((fieldNames as readonly string[]).includes(child.name)) {
      const name = child.name as (typeof fieldNames)[number];
      if (fields[name] !== undefined) report(context.file, 'duplicate-part', child.position, { name, where: 'in a file' });
      context.placeDirective(`${path}.${name}`, child);
      context.checkAttributes(child, [], `${path}.${name}`);
      fields[name] = context.slice(contentChildren(child)) ?? '';
    } else {
      context.handled.delete(child);
    }
  }
  context.place(`${path}.interests`, node.position);
  return {
    id: attribute(node, 'id'),
    title: attribute(node, 'title'),
    lead: context.slice(lead),
    interests,
    state: fields.state,
    outlook: fields.outlook,
    citations: context.citations(node),
    position: node.position,
  };
}
