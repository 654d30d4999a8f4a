/**
 * Fence-shaped lines left in paragraphs once the directives are parsed: a `::name` leaf that did
 * not form a directive, and a line of three or more colons that opens or closes no block (often
 * the opening fence was deleted or misspelt). Each is one error at the line; when the parts of a
 * block stand right before a stray closing fence, the message says where the opening belongs.
 */
import type { Parent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { visit } from './visit-tree.js';
import { report } from '../errors/report.js';
import { containerNames } from './directive-names.js';
import { fenceSize, homeOf } from './unclosed.js';

/** Where a paragraph stands in its parent, for the fence checks that look at its neighbours. */
interface Standing {
  parent: Parent | undefined;
  index: number | undefined;
}

/** Reports every stray leaf or fence line; a paragraph that is only a fence is removed from the tree (it is not prose). */
export function reportStrayFences(tree: Root, file: VFile): void {
  const source = String(file.value);
  visit(tree, 'paragraph', (paragraph, index, parent) => {
    const start = paragraph.position?.start;
    if (start?.offset === undefined || paragraph.data?.directiveLabel) return;
    const text = source.slice(start.offset, paragraph.position?.end.offset);
    let offset = 0;
    for (const line of text.split('\n')) {
      const point = (indent: number) => ({
        line: start.line + text.slice(0, offset).split('\n').length - 1,
        column: (offset === 0 ? start.column : 1) + indent,
      });
      const leaf = /^([ \t>]*)::([A-Za-z][\w-]*)/.exec(line);
      if (leaf && !/^[ \t>]*:::/.test(line)) {
        reportLeaf(file, point(leaf[1]?.length ?? 0), leaf[2] ?? '');
        return;
      }
      const fence = /^([ \t>]*)(:{3,})(.*)$/.exec(line);
      if (fence) {
        reportFence(file, point(fence[1]?.length ?? 0), fence[2]!, fence[3] ?? '', { parent, index }, source);
        // A paragraph that is only the fence is not prose: keep it from further checks.
        if (parent && index !== undefined && text.trim() === line.trim()) {
          parent.children.splice(index, 1);
          return index;
        }
        return;
      }
      offset += line.length + 1;
    }
  });
}

/** A `::name` that formed no leaf directive, unless an unknown or misplaced leaf is already reported there. */
function reportLeaf(file: VFile, point: Point, name: string): void {
  if (file.messages.some((message) => message.line === point.line && message.column === point.column)) return;
  report(
    file,
    'malformed-directive',
    { start: point, end: { line: point.line, column: point.column + 2 + name.length } },
    { written: `::${name}`, expected: `\`::${name}[text]{attribute=value}\` on a line of its own` },
  );
}

/** A line of colons (`colons`, then `rest`) that opens or closes no block. */
function reportFence(file: VFile, point: Point, colons: string, rest: string, standing: Standing, source: string): void {
  const fence = `${colons}${rest}`;
  const details = /^\s+[A-Za-z]/.test(rest)
    ? { fence, what: 'with a space after the colons', expected: `the block's name right after them (\`${colons}${rest.trim()}\`)` }
    : {
        fence,
        what: 'that opens or closes no block',
        expected: orphansBefore(file, standing, colons, source) ?? 'a closing fence only after a `:::name` that opens a block',
      };
  report(file, 'stray-fence', { start: point, end: { line: point.line, column: point.column + colons.length + rest.length } }, details);
}

/**
 * When parts that belong in a block stand right before a stray closing fence (`:::interest` …
 * `::::` with no `::::file` above), the block's opening fence is what is missing: says where it
 * belongs, and marks those parts so that extraction does not report each as misplaced.
 */
function orphansBefore(file: VFile, { parent, index }: Standing, colons: string, source: string): string | undefined {
  if (!parent || index === undefined) return undefined;
  const orphans: ContainerDirective[] = [];
  for (let before = index - 1; before >= 0; before--) {
    const sibling = parent.children[before]!;
    const home = homeOf(sibling);
    if (home === 'body') break;
    if (sibling.type === 'containerDirective' && home !== undefined) orphans.unshift(sibling);
  }
  const first = orphans[0];
  if (!first || parent.type !== 'root') return undefined;
  const home = containerNames[first.name as keyof typeof containerNames];
  file.data.orphanParts ??= new Set<number>();
  const parts = file.data.orphanParts;
  for (const orphan of orphans) parts.add(orphan.position?.start.offset ?? -1);
  const opening = `${':'.repeat(fenceSize(source, first))}${first.name}`;
  return `an opening \`${colons}${home}{…}\` before \`${opening}\` on line ${first.position?.start.line ?? '?'}`;
}
