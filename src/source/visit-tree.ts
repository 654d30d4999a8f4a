/**
 * `visit` as unist-util-visit has it (same order, same SKIP / EXIT / next-index results, a node
 * type as the only kind of test), without its cost: it builds an ancestor array and a closure
 * for every node and finds each node's index with `indexOf`, so the dozen walks over a brief's
 * tree (parse transforms, extraction, lint rules) were ~8% of a cold build. Hand-written because
 * that is the whole difference; here the index is the position the walk is at.
 */
import type { Nodes, Parents } from 'mdast';
import type { Node } from 'unist';

export const CONTINUE = true;
export const EXIT = false;
export const SKIP = 'skip';

type Action = typeof CONTINUE | typeof EXIT | typeof SKIP;
/** What a visitor may return, as unist-util-visit reads it: an action, the index to go on at, or both. */
export type VisitorResult = Action | number | [(Action | null | undefined)?, (number | null | undefined)?] | null | undefined;
type Visitor<Visited> = (node: Visited, index: number | undefined, parent: Parents | undefined) => VisitorResult;
type Outcome = [Action | null | undefined, number | null | undefined];

const none: Outcome = [undefined, undefined];

function outcomeOf(value: VisitorResult): Outcome {
  if (Array.isArray(value)) return [value[0], value[1]];
  if (typeof value === 'number') return [CONTINUE, value];
  return value === null || value === undefined ? none : [value, undefined];
}

/** Calls `visitor` on every node of `tree` (of type `test`, when given), depth first, in document order. */
export function visit(tree: Node, visitor: Visitor<Nodes>): void;
export function visit<Type extends Nodes['type']>(tree: Node, test: Type, visitor: Visitor<Extract<Nodes, { type: Type }>>): void;
export function visit(tree: Node, testOrVisitor: string | Visitor<Nodes>, maybeVisitor?: Visitor<Nodes>): void {
  const test = typeof testOrVisitor === 'string' ? testOrVisitor : undefined;
  const visitor = (typeof testOrVisitor === 'function' ? testOrVisitor : maybeVisitor) as Visitor<Nodes>;
  const one = (node: Node, index: number | undefined, parent: Parents | undefined): Outcome => {
    let result = none;
    if (test === undefined || node.type === test) {
      result = outcomeOf(visitor(node as Nodes, index, parent));
      if (result[0] === EXIT) return result;
    }
    const asParent = node as Parents;
    if (asParent.children && result[0] !== SKIP) {
      let offset = 0;
      while (offset > -1 && offset < asParent.children.length) {
        const child = asParent.children[offset] as Node;
        const next = one(child, offset, asParent);
        if (next[0] === EXIT) return next;
        offset = typeof next[1] === 'number' ? next[1] : offset + 1;
      }
    }
    return result;
  };
  one(tree, undefined, undefined);
}
