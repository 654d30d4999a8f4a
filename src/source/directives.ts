/**
 * A remark plugin that keeps directives to the fixed set of names. Every directive-shaped thing
 * is either known or an error at its own position with a suggestion: an unknown container, an
 * unknown leaf (`::evnt[…]`), and an unknown text directive written with a label or attributes
 * (`:qoute[…]{…}`). A bare `:word` inside text (`n:th`, `3:17`) is ordinary text and goes back to
 * the text it was written as.
 */
import type { Paragraph, Parent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import type { Node, Point } from 'unist';
import { location } from 'vfile-location';
import { visit, SKIP } from './visit-tree.js';
import { report, didYouMean, listOf } from '../errors/report.js';
import { containerNames, isContainerName, isLeafName, isTextName, leafNames, textNames } from './directive-names.js';

const allNames = [...Object.keys(containerNames), ...leafNames, ...textNames];

/** `:q[` left in text: a quote whose brackets or braces do not close (unless escaped, `\\:q[`). */
function reportBrokenText(file: VFile, source: string, node: Text, toPoint: (offset: number) => Point | undefined): void {
  if (!node.value.includes(':')) return;
  const start = node.position?.start.offset;
  if (start === undefined) return;
  const written = source.slice(start, node.position?.end.offset);
  for (const match of written.matchAll(textOpening)) {
    if (written[match.index - 1] === '\\' || /\w/.test(written[match.index - 1] ?? '')) continue;
    const name = match[1]!;
    report(file, 'malformed-directive', toPoint(start + match.index), { written: `:${name}[`, expected: `\`:${name}[words]{source=key}\`` });
  }
}

/** Puts `replacement` (at `node`'s place) where `node` was, and moves the walk past it. */
function replaceWith(parent: Parent, index: number, replacement: Text | Paragraph, node: Node): [typeof SKIP, number] {
  if (node.position) replacement.position = node.position;
  parent.children.splice(index, 1, replacement as never);
  return [SKIP, index + 1];
}

const textOpening = new RegExp(`:(${textNames.join('|')})\\[`, 'g');

/** The plugin. */
export default function remarkKnownDirectives() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const toPoint = location(source).toPoint;
    const original = (node: Node) => source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);

    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.type === 'textDirective' && !isTextName(node.name)) {
        const written = original(node);
        if (written !== `:${node.name}`) {
          report(file, 'unknown-directive', node.position, {
            name: node.name,
            expected: `${listOf(textNames.map((name) => `:${name}[…]{…}`))} in text${didYouMean(node.name, ['quote']) ? ' (did you mean `q`?)' : didYouMean(node.name, allNames)}`,
          });
        }
        return replaceWith(parent, index, { type: 'text', value: written }, node);
      }
      if (node.type === 'text') reportBrokenText(file, source, node, toPoint);
      if (node.type === 'textDirective' && isTextName(node.name) && original(node) === `:${node.name}`) {
        // `:q` with no label: its `[` did not close, and the words went to the text after it.
        report(file, 'malformed-directive', node.position, { written: `:${node.name}`, expected: `\`:${node.name}[words]{source=key}\`` });
        return replaceWith(parent, index, { type: 'text', value: original(node) }, node);
      }
      if (node.type === 'leafDirective' && !isLeafName(node.name)) {
        if (isContainerName(node.name)) {
          report(file, 'misplaced-directive', node.position, {
            name: node.name,
            where: 'as a leaf (`::`)',
            expected: 'as a container (`:::` … `:::`)',
          });
        } else {
          report(file, 'unknown-directive', node.position, {
            name: node.name,
            expected: `${listOf(leafNames.map((name) => `::${name}[…]{…}`))}${didYouMean(node.name, allNames)}`,
          });
        }
        return replaceWith(parent, index, { type: 'paragraph', children: [{ type: 'text', value: original(node) }] }, node);
      }
      if (node.type === 'containerDirective' && !isContainerName(node.name)) {
        const where = isLeafName(node.name) ? ' (it is a leaf: `::name[…]{…}`)' : didYouMean(node.name, allNames);
        report(file, 'unknown-directive', node.position?.start, {
          name: node.name,
          expected: `one of ${listOf(Object.keys(containerNames))}${where}`,
        });
      }
      return undefined;
    });
  };
}
