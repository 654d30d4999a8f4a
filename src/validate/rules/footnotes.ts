/**
 * Footnotes that do not pair up. A `[^1]` without its `[^1]: …` line is not a footnote to the
 * parser: it is printed as the characters `[^1]`. A definition nothing refers to is left out of
 * the HTML, the PDF and the Word file. Either way the reader does not get what was written.
 */
import type { FootnoteDefinition, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report } from '../../errors/report.js';
import { visit } from '../../source/visit-tree.js';

const reference = /\[\^([^\]\s]+)\]/g;

/** One walk over the tree (this rule runs on every brief): the references, the definitions, and text that may hold `[^`. */
function footnoteNodes(tree: Root): { referenced: Set<string>; definitions: FootnoteDefinition[]; texts: Text[] } {
  const found = { referenced: new Set<string>(), definitions: [] as FootnoteDefinition[], texts: [] as Text[] };
  visit(tree, (node) => {
    if (node.type === 'footnoteReference') found.referenced.add(node.identifier);
    else if (node.type === 'footnoteDefinition') found.definitions.push(node);
    else if (node.type === 'text' && node.value.includes('[^')) found.texts.push(node);
  });
  return found;
}

export function checkFootnotes(file: VFile, tree: Root): void {
  const { referenced, definitions, texts } = footnoteNodes(tree);
  for (const node of definitions) {
    if (referenced.has(node.identifier)) continue;
    report(file, 'unmatched-footnote', node.position?.start, {
      found: `footnote \`[^${node.label ?? node.identifier}]:\` that the text never refers to`,
      expected: `\`[^${node.label ?? node.identifier}]\` where the note belongs (unreferenced notes are left out of the HTML, PDF and Word file)`,
    });
  }
  if (texts.length === 0) return;
  const source = String(file.value);
  const toPoint = location(source).toPoint;
  for (const node of texts) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    // Found in the source, so an escaped `\[^1]` (written as text on purpose) is told apart.
    const written = source.slice(start, end);
    for (const match of written.matchAll(reference)) {
      if (written[match.index - 1] === '\\') continue;
      report(file, 'unmatched-footnote', toPoint(start + match.index), {
        found: `footnote \`${match[0]}\` without a definition`,
        expected: `a line \`${match[0]}: …\` with the note (without it the characters are printed as typed)`,
      });
    }
  }
}
