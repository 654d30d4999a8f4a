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

type AnalysisDraft = Draft & Record<(typeof listKey)[ListChild], Draft[]>;

/** What every nested block has: its text, its citations, where it is. */
interface BlockBase {
  text: string | undefined;
  citations: unknown;
  position: ContainerDirective['position'];
}

const where = 'in a legal analysis';

/** Returns the draft of the `index`th legal analysis of the brief. */
export function extractLegalAnalysis(context: ExtractContext, node: ContainerDirective, index: number) {
  const path = `legalAnalyses.${index}`;
  const shorthand = node.name === 'extradition';
  context.placeDirective(path, node);
  context.checkAttributes(node, shorthand ? ['id', 'subject', 'question'] : ['id', 'kind', 'subject', 'question'], path);
  const draft: AnalysisDraft = {
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
  for (const child of contentChildren(node)) {
    if (child.type === 'containerDirective' && Object.hasOwn(attributesOf, child.name)) readPart(context, draft, path, child);
    else if (child.type !== 'containerDirective') lead.push(child);
  }
  draft.lead = context.slice(lead);
  draft.citations = context.citations(node);
  return draft;
}

/** Reads one nested block into `draft`: the request or claim, the assessment, or an item of a list. */
function readPart(context: ExtractContext, draft: AnalysisDraft, path: string, child: ContainerDirective): void {
  context.handled.add(child);
  const name = child.name as Child;
  const base: BlockBase = { text: context.slice(contentChildren(child)) ?? undefined, citations: context.citations(child), position: child.position };
  if (name === 'request' || name === 'claim' || name === 'assessment') {
    const field = name === 'assessment' ? 'assessment' : 'request';
    const taken = name === 'assessment' ? draft.assessment !== undefined : draft.request !== null;
    if (taken) report(context.file, 'duplicate-part', child.position, { name: name === 'assessment' ? name : 'request or claim', where });
    context.placeDirective(`${path}.${field}`, child);
    context.checkAttributes(child, attributesOf[name], `${path}.${field}`);
    draft[field] = name === 'assessment' ? assessmentOf(child, base) : requestOf(child, name, base);
    return;
  }
  const list = draft[listKey[name]];
  const itemPath = `${path}.${listKey[name]}.${list.length}`;
  context.placeDirective(itemPath, child);
  context.checkAttributes(child, attributesOf[name], itemPath);
  list.push(listItem(child, name, base));
}

function requestOf(child: ContainerDirective, kind: 'request' | 'claim', base: BlockBase): Draft {
  return { ...base, kind, by: attribute(child, 'by') ?? null, against: attribute(child, 'against') ?? null, date: attribute(child, 'date') ?? null };
}

function assessmentOf(child: ContainerDirective, base: BlockBase): Draft {
  return { ...base, likelihood: normaliseWords(attribute(child, 'likelihood')) ?? null, confidence: normaliseWords(attribute(child, 'confidence')) ?? null };
}

/** An instrument, ground (an `exception` is a ground against), obligation or position. */
function listItem(child: ContainerDirective, name: ListChild, base: BlockBase): Draft {
  switch (name) {
    case 'instrument': {
      const { text: provides, ...rest } = base;
      return {
        ...rest,
        provides,
        name: attribute(child, 'name'),
        kind: normaliseWords(attribute(child, 'kind')),
        signed: attribute(child, 'signed') ?? null,
        ratified: attribute(child, 'ratified') ?? null,
      };
    }
    case 'position':
      return { ...base, party: attribute(child, 'party') };
    case 'obligation':
      return { ...base, instrument: attribute(child, 'instrument') ?? null };
    default:
      return { ...base, side: name === 'exception' ? 'against' : normaliseWords(attribute(child, 'side')), instrument: attribute(child, 'instrument') ?? null };
  }
}
