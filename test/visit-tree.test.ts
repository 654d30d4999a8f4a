/**
 * briefsmith's own tree walk (src/source/visit-tree.ts) must walk exactly as unist-util-visit
 * does, whatever the visitor returns: the same nodes, indexes and parents in the same order,
 * SKIP and EXIT honoured, and a returned index followed after the visitor changed the children.
 */
import fc from 'fast-check';
import type { Nodes, Parents } from 'mdast';
import { visit as libraryVisit, EXIT as libraryExit, SKIP as librarySkip } from 'unist-util-visit';
import { expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseTree } from '../src/source/processor.js';
import { EXIT, SKIP, visit } from '../src/source/visit-tree.js';
import { markdownDocument } from './helpers/markdown-arbitrary.js';

type Walk = typeof visit;
const actions = { skip: [SKIP, librarySkip], exit: [EXIT, libraryExit] } as const;

/** The walk's log under a visitor that skips, exits, splits text nodes and jumps, by a seed. */
function walkLog(tree: Nodes, walk: Walk, own: boolean, seed: number, test?: 'text' | 'paragraph'): string[] {
  const log: string[] = [];
  let count = 0;
  const visitor = (node: Nodes, index: number | undefined, parent: Parents | undefined) => {
    count++;
    log.push(`${node.type}@${index ?? '-'}<${parent?.type ?? '-'}`);
    if (count === 40 + (seed % 30)) return actions.exit[own ? 0 : 1];
    if ('children' in node && (count + seed) % 4 === 0) return actions.skip[own ? 0 : 1];
    if (node.type === 'text' && parent && index !== undefined && node.value.length > 3 && (count + seed) % 3 === 0) {
      // Split the text in two, as the citation transform does, and go on after both halves.
      const half = Math.floor(node.value.length / 2);
      parent.children.splice(index, 1, { type: 'text', value: node.value.slice(0, half) }, { type: 'text', value: node.value.slice(half) } as never);
      return [actions.skip[own ? 0 : 1], index + 2] as never;
    }
    return undefined;
  };
  if (test) (walk as (tree: Nodes, test: string, visitor: unknown) => void)(tree, test, visitor);
  else walk(tree, visitor as never);
  return log;
}

it('walks every generated document as unist-util-visit does', () => {
  fc.assert(
    fc.property(markdownDocument, fc.nat(1000), fc.constantFrom(undefined, 'text' as const, 'paragraph' as const), (document, seed, test) => {
      const tree = () => parseTree(new VFile({ value: document })) as Nodes;
      expect(walkLog(tree(), visit, true, seed, test)).toEqual(walkLog(tree(), libraryVisit as unknown as Walk, false, seed, test));
    }),
    { numRuns: 150 },
  );
});
