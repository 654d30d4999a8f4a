/**
 * A remark plugin that keeps directives to the fixed set of names: unknown text and leaf
 * directives (`3:17`, `n:th`) go back to the text they were written as; an unknown container
 * is reported with a suggestion, since it would otherwise drop a part of the model silently.
 */
import type { Root, Text, Paragraph } from 'mdast';
import type { VFile } from 'vfile';
import type { Node } from 'unist';
import { visit, SKIP } from 'unist-util-visit';
import { report, didYouMean, listOf } from '../errors/report.js';
import { containerNames, isContainerName, isLeafName, isTextName, leafNames, textNames } from './directive-names.js';

const allNames = [...Object.keys(containerNames), ...leafNames, ...textNames];

/** The plugin. */
export default function remarkKnownDirectives() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const original = (node: Node) =>
      source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);

    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.type === 'textDirective' && !isTextName(node.name)) {
        const text: Text = { type: 'text', value: original(node) };
        if (node.position) text.position = node.position;
        parent.children.splice(index, 1, text as never);
        return [SKIP, index + 1];
      }
      if (node.type === 'leafDirective' && !isLeafName(node.name)) {
        if (isContainerName(node.name)) {
          report(file, 'misplaced-directive', node.position, {
            name: node.name, where: 'as a leaf (`::`)', expected: 'as a container (`:::` … `:::`)',
          });
        }
        const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: original(node) }] };
        if (node.position) paragraph.position = node.position;
        parent.children.splice(index, 1, paragraph as never);
        return [SKIP, index + 1];
      }
      if (node.type === 'containerDirective' && !isContainerName(node.name)) {
        const where = isLeafName(node.name) ? ' (it is a leaf: `::name[…]{…}`)' : didYouMean(node.name, allNames);
        report(file, 'unknown-directive', node.position?.start, {
          name: node.name, expected: `one of ${listOf(Object.keys(containerNames))}${where}`,
        });
      }
      return undefined;
    });
  };
}
