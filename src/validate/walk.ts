/** Small tree utilities shared by the lint rules. */
import type { Nodes, Root } from 'mdast';
import { visit } from '../source/visit-tree.js';
import type { CitationItem } from '../source/mdast-extensions.js';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

export interface FoundCitation extends CitationItem {
  position: Position | undefined;
}

/** Every citation in the tree, with quotes counted as citations of their source. */
export function citationsIn(tree: Root | Nodes): FoundCitation[] {
  const found: FoundCitation[] = [];
  visit(tree, (node) => {
    if (node.type === 'citation') for (const item of node.items) found.push({ ...item, position: node.position });
    if (node.type === 'textDirective' && node.name === 'q' && node.attributes?.source) {
      found.push({ key: node.attributes.source, locator: null, position: node.position });
    }
  });
  return found;
}

/** True when `node` holds at least one citation. */
export function hasCitation(node: Nodes): boolean {
  let found = false;
  visit(node, (child) => {
    if (child.type === 'citation' || (child.type === 'textDirective' && child.name === 'q')) found = true;
  });
  return found;
}

const atOrBefore = (left: Point, right: Point) => left.line < right.line || (left.line === right.line && left.column <= right.column);

/**
 * True when a `rule` message was already reported inside `place`: a later rule would only restate
 * it (a paragraph whose one citation is malformed is not uncited; its writer did cite).
 */
export function reportedInside(file: VFile, rule: string, place: Position | undefined): boolean {
  if (!place) return false;
  return file.messages.some((message) => {
    if (message.ruleId !== rule || !message.place) return false;
    const point = 'start' in message.place ? message.place.start : message.place;
    return atOrBefore(place.start, point) && atOrBefore(point, place.end);
  });
}
