/**
 * Extraction of a `:::::legal{kind=…}` analysis and its nested blocks. `:::::extradition` is the
 * same analysis with `kind=extradition` (the form briefs used before schema version 2), and
 * `::::exception` is a `::::ground{side=against}`, so older briefs keep building unchanged.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { RootContent } from 'mdast';
import { report } from '../errors/report.js';
import { type ExtractContext, attribute, contentChildren, normaliseWords } from './context.js';

type Draft = Record<string, unknown>;

const attributesOf = {
  request: ['by', 'against', 'date'],
  claim: ['by', 'against', 'date'],
  instrument: ['name', 'kind', 'signed', 'ratified'],
  ground: ['side', 'instrument'],
  exception: ['instrument'],
  obligation: ['instrument'],
  position: ['party'],
  assessment: ['likelihood', 'confidence'],
} as const;
type Child = keyof typeof attributesOf;
const listKey = { instrument: 'instruments', ground: 'grounds', exception: 'grounds', obligation: 'obligations', position: 'positions' } as const;
type ListChild = keyof typeof listKey;

/** Returns the draft of the `index`th legal analysis of the brief. */
export function extractLegalAnalysis(context: ExtractContext, node: ContainerDirective, index: number) {
  const path = `legalAnalyses.${index}`;
  const shorthand = node.name === 'extradition';
  context.placeDirective(path, node);
  context.checkAttributes(node, shorthand ? ['id', 'subject', 'question'] : ['id', 'kind', 'subject', 'question'], path);
  const draft: Draft & Record<(typeof listKey)[ListChild], Draft[]> = {
    id: attribute(node, 'id') ?? `legal-${index + 1}`,
    kind: shorthand ? 'extradition' : normaliseWords(attribute(node, 'kind')),
    question: attribute(node, 'question') ?? null,
    subject: attribute(node, 'subject') ?? null,
    request: null,
    instruments: [],
    grounds: [],
    obligations: [],
    positions: [],
    position: node.position,
  };
  const lead: RootContent[] = [];
  const where = 'in a legal analysis';

  for (const child of contentChildren(node)) {
    if (child.type !== 'containerDirective' || !Object.hasOwn(attributesOf, child.name)) {
      if (child.type !== 'containerDirective') lead.push(child);
      continue;
    }
    context.handled.add(child);
    const name = child.name as Child;
    const text = context.slice(contentChildren(child)) ?? undefined;
    const base = { text, citations: context.citations(child), position: child.position };
    if (name === 'request' || name === 'claim') {
      if (draft.request !== null) report(context.file, 'duplicate-part', child.position, { name: 'request or claim', where });
      context.placeDirective(`${path}.request`, child);
      context.checkAttributes(child, attributesOf[name], `${path}.request`);
      draft.request = {
        ...base,
        kind: name,
        by: attribute(child, 'by') ?? null,
        against: attribute(child, 'against') ?? null,
        date: attribute(child, 'date') ?? null,
      };
      continue;
    }
    if (name === 'assessment') {
      if (draft.assessment !== undefined) report(context.file, 'duplicate-part', child.position, { name, where });
      context.placeDirective(`${path}.assessment`, child);
      context.checkAttributes(child, attributesOf[name], `${path}.assessment`);
      draft.assessment = {
        ...base,
        likelihood: normaliseWords(attribute(child, 'likelihood')) ?? null,
        confidence: normaliseWords(attribute(child, 'confidence')) ?? null,
      };
      continue;
    }
    const list = draft[listKey[name]];
    const itemPath = `${path}.${listKey[name]}.${list.length}`;
    context.placeDirective(itemPath, child);
    context.checkAttributes(child, attributesOf[name], itemPath);
    if (name === 'instrument') {
      const { text: provides, ...rest } = base;
      list.push({
        ...rest,
        provides,
        name: attribute(child, 'name'),
        kind: normaliseWords(attribute(child, 'kind')),
        signed: attribute(child, 'signed') ?? null,
        ratified: attribute(child, 'ratified') ?? null,
      });
    } else if (name === 'position') {
      list.push({ ...base, party: attribute(child, 'party') });
    } else if (name === 'obligation') {
      list.push({ ...base, instrument: attribute(child, 'instrument') ?? null });
    } else {
      const side = name === 'exception' ? 'against' : normaliseWords(attribute(child, 'side'));
      list.push({ ...base, side, instrument: attribute(child, 'instrument') ?? null });
    }
  }
  draft.lead = context.slice(lead);
  draft.citations = context.citations(node);
  return draft;
}
