/**
 * Footnotes that do not pair up. A `[^1]` without its `[^1]: …` line is not a footnote to the
 * parser: it is printed as the characters `[^1]`. A definition nothing refers to is left out of
 * the HTML, the PDF and the Word file. Either way the reader does not get what was written.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report } from '../../errors/report.js';

const reference = /\[\^([^\]\s]+)\]/g;

export function checkFootnotes(file: VFile, tree: Root): void {
  const source = String(file.value);
  const toPoint = location(source).toPoint;
  const referenced = new Set<string>();
  visit(tree, 'footnoteReference', (node) => {
    referenced.add(node.identifier);
  });
  visit(tree, 'footnoteDefinition', (node) => {
    if (referenced.has(node.identifier)) return;
    report(file, 'unmatched-footnote', node.position?.start, {
      found: `footnote \`[^${node.label ?? node.identifier}]:\` that the text never refers to`,
      expected: `\`[^${node.label ?? node.identifier}]\` where the note belongs (unreferenced notes are left out of the HTML, PDF and Word file)`,
    });
  });
  visit(tree, 'text', (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !node.value.includes('[^')) return;
    // Found in the source, so an escaped `\[^1]` (written as text on purpose) is told apart.
    const written = source.slice(start, end);
    for (const match of written.matchAll(reference)) {
      if (written[match.index - 1] === '\\') continue;
      report(file, 'unmatched-footnote', toPoint(start + match.index), {
        found: `footnote \`${match[0]}\` without a definition`,
        expected: `a line \`${match[0]}: …\` with the note (without it the characters are printed as typed)`,
      });
    }
  });
}
