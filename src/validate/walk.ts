/** Small tree utilities shared by the lint rules. */
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { CitationItem } from '../source/mdast-extensions.js';
import type { Position } from 'unist';

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
