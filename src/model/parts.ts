/** Extraction of the single-block parts: judgments, reactions, timeline events, disagreements. */
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { List } from 'mdast';
import { type ExtractContext, attribute, contentChildren, normaliseWords } from './context.js';

/** `:::judgment{id likelihood confidence}`: first paragraph is the statement, the rest its basis. */
export function extractJudgment(context: ExtractContext, node: ContainerDirective, index: number) {
  const path = `keyJudgments.${index}`;
  context.placeDirective(path, node);
  context.checkAttributes(node, ['id', 'likelihood', 'confidence'], path);
  const [first, ...rest] = contentChildren(node);
  context.place(`${path}.statement`, first?.position ?? node.position);
  return {
    id: attribute(node, 'id') ?? `kj-${index + 1}`,
    statement: context.slice(first ? [first] : []) ?? undefined,
    basis: context.slice(rest),
    likelihood: normaliseWords(attribute(node, 'likelihood')),
    confidence: normaliseWords(attribute(node, 'confidence')),
    citations: context.citations(node),
    position: node.position,
  };
}

/** `:::reaction{actor stance date group}`. */
export function extractReaction(context: ExtractContext, node: ContainerDirective, index: number) {
  const path = `reactions.${index}`;
  context.placeDirective(path, node);
  context.checkAttributes(node, ['actor', 'stance', 'date', 'group'], path);
  return {
    actor: attribute(node, 'actor'),
    group: attribute(node, 'group') ?? null,
    stance: normaliseWords(attribute(node, 'stance')),
    date: attribute(node, 'date'),
    text: context.slice(contentChildren(node)) ?? undefined,
    citations: context.citations(node),
    position: node.position,
  };
}

/** `::event[what happened]{date}`. */
export function extractEvent(context: ExtractContext, node: LeafDirective, index: number) {
  const path = `timeline.${index}`;
  context.placeDirective(path, node);
  context.checkAttributes(node, ['date'], path);
  return {
    date: attribute(node, 'date'),
    text: context.slice(node.children) ?? undefined,
    citations: context.citations(node),
    position: node.position,
  };
}

/** `:::disagreement{topic}`: each list item is one view; other blocks are our note. */
export function extractDisagreement(context: ExtractContext, node: ContainerDirective, index: number) {
  const path = `disagreements.${index}`;
  context.placeDirective(path, node);
  context.checkAttributes(node, ['topic'], path);
  const children = contentChildren(node);
  const list = children.find((child): child is List => child.type === 'list');
  const views = (list?.children ?? []).map((item, viewIndex) => {
    context.place(`${path}.views.${viewIndex}`, item.position);
    return { text: context.slice(item.children) ?? undefined, citations: context.citations(item), position: item.position };
  });
  context.place(`${path}.views`, list?.position ?? node.position);
  return {
    topic: attribute(node, 'topic'),
    views,
    note: context.slice(children.filter((child) => child !== list)),
    citations: context.citations(node),
    position: node.position,
  };
}
