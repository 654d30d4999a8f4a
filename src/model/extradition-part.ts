/** Extraction of the `:::::extradition` legal analysis and its nested blocks. */
import type { ContainerDirective } from 'mdast-util-directive';
import type { RootContent } from 'mdast';
import { report } from '../errors/report.js';
import { ExtractContext, attribute, contentChildren, normaliseWords } from './context.js';

type Draft = Record<string, unknown>;

const attributesOf = {
  request: ['by', 'date'],
  instrument: ['name', 'kind', 'signed', 'ratified'],
  exception: ['instrument'],
  obligation: ['instrument'],
  position: ['party'],
  assessment: ['likelihood', 'confidence'],
} as const;
type Child = keyof typeof attributesOf;
const listKey = { instrument: 'instruments', exception: 'exceptions', obligation: 'obligations', position: 'positions' } as const;

/** Returns the draft of the extradition analysis. */
export function extractExtradition(context: ExtractContext, node: ContainerDirective) {
  context.placeDirective('extradition', node);
  context.checkAttributes(node, ['subject'], 'extradition');
  const draft: Draft & Record<(typeof listKey)[keyof typeof listKey], Draft[]> = {
    subject: attribute(node, 'subject') ?? null,
    instruments: [], exceptions: [], obligations: [], positions: [],
    position: node.position,
  };
  const lead: RootContent[] = [];

  for (const child of contentChildren(node)) {
    if (child.type !== 'containerDirective' || !Object.hasOwn(attributesOf, child.name)) {
      if (child.type !== 'containerDirective') lead.push(child);
      continue;
    }
    context.handled.add(child);
    const name = child.name as Child;
    const text = context.slice(contentChildren(child)) ?? undefined;
    const base = { text, citations: context.citations(child), position: child.position };
    if (name === 'request' || name === 'assessment') {
      if (draft[name] !== undefined) report(context.file, 'duplicate-part', child.position, { name, where: 'in the extradition analysis' });
      context.placeDirective(`extradition.${name}`, child);
      context.checkAttributes(child, attributesOf[name], `extradition.${name}`);
      draft[name] = name === 'request'
        ? { ...base, by: attribute(child, 'by') ?? null, date: attribute(child, 'date') ?? null }
        : { ...base, likelihood: normaliseWords(attribute(child, 'likelihood')) ?? null, confidence: normaliseWords(attribute(child, 'confidence')) ?? null };
      continue;
    }
    const list = draft[listKey[name]];
    const path = `extradition.${listKey[name]}.${list.length}`;
    context.placeDirective(path, child);
    context.checkAttributes(child, attributesOf[name], path);
    if (name === 'instrument') {
      const { text: provides, ...rest } = base;
      list.push({
        ...rest, provides, name: attribute(child, 'name'), kind: normaliseWords(attribute(child, 'kind')),
        signed: attribute(child, 'signed') ?? null, ratified: attribute(child, 'ratified') ?? null,
      });
    } else if (name === 'position') {
      list.push({ ...base, party: attribute(child, 'party') });
    } else {
      list.push({ ...base, instrument: attribute(child, 'instrument') ?? null });
    }
  }
  draft.lead = context.slice(lead);
  draft.citations = context.citations(node);
  return draft;
}
