/**
 * Checks the fences of container directives, where a slip silently moves content (unclosed.ts
 * has already repaired blocks left open before a heading or another part): a block that runs to
 * the end of the document or of its parent, a block nested in one with as many colons (which
 * closes its parent early), and fences that open or close nothing. Each is one error at the
 * fence at fault; after same-colon nesting the outer block gets its parts back, so they are not
 * reported again as misplaced. micromark-extension-directive accepts all of these shapes. Fence
 * lines that open or close nothing are stray-fences.ts's.
 */
import type { Paragraph, Parent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../errors/report.js';
import { isContainerName } from './directive-names.js';
import { reportStrayFences } from './stray-fences.js';
import { closedOwn, fenceSize, homeOf } from './unclosed.js';

const fenceLine = /^[ \t>]*(:{3,})[ \t]*$/;

class FenceChecker {
  private readonly source: string;
  private readonly lines: string[];
  /** Containers whose end another fence accounts for (same-colon nesting, already reported). */
  private readonly settled = new Set<ContainerDirective>();

  constructor(private readonly file: VFile) {
    this.source = String(file.value);
    this.lines = this.source.split('\n');
  }

  /** `:::name`, as written at the opening fence. */
  private opening(node: ContainerDirective): string {
    return `${':'.repeat(this.size(node))}${node.name}`;
  }

  private size(node: ContainerDirective): number {
    return fenceSize(this.source, node);
  }

  private openingPlace(node: ContainerDirective): Position | undefined {
    const start = node.position?.start;
    if (!start) return undefined;
    const length = this.opening(node).length;
    return { start, end: { line: start.line, column: start.column + length, offset: (start.offset ?? 0) + length } };
  }

  private closedOwn(node: ContainerDirective): boolean {
    return closedOwn(this.source, this.lines, node);
  }

  walk(parent: Parent): void {
    for (let index = 0; index < parent.children.length; index++) {
      const child = parent.children[index]!;
      if (child.type === 'containerDirective' && isContainerName(child.name)) this.check(child, parent, index);
      if ('children' in child) this.walk(child as Parent);
    }
  }

  private check(node: ContainerDirective, parent: Parent, index: number): void {
    if (this.file.data.repairedFences?.has(node.position?.start.offset ?? -1)) return;
    const closed = this.closedOwn(node);
    const inner = node.children.find(
      (child): child is ContainerDirective =>
        child.type === 'containerDirective' &&
        child.position?.end.line === node.position?.end.line &&
        child.position?.end.column === 1 &&
        this.size(child) >= this.size(node),
    );
    if (inner && closed) {
      report(this.file, 'same-colon-nesting', this.openingPlace(node), {
        inner: this.opening(inner),
        fence: this.opening(node),
        suggestion: `${':'.repeat(this.size(inner) + 1)}${node.name}`,
      });
      this.settled.add(inner);
      this.absorb(node, parent, index);
      return;
    }
    // A block inside a list or a quote is reported as misplaced; whether it closes is secondary.
    const misplaced = parent.type !== 'root' && parent.type !== 'containerDirective';
    if (!closed && !misplaced && !this.settled.has(node)) this.reportUnclosed(node, this.endOf(node, parent));
  }

  private endOf(node: ContainerDirective, parent: Parent): string {
    const end = node.position?.end;
    if (parent.type === 'containerDirective' && end && end.line === parent.position?.end.line) {
      return `before the \`${fenceLine.exec(this.lines[end.line - 1] ?? '')?.[1] ?? ':::'}\` on line ${end.line} that closes \`${this.opening(parent as ContainerDirective)}\``;
    }
    return parent.type === 'root' ? 'before the end of the document' : `before the end of \`${this.opening(parent as ContainerDirective)}\``;
  }

  private reportUnclosed(node: ContainerDirective, end: string): void {
    report(this.file, 'unclosed-directive', this.openingPlace(node), { fence: this.opening(node), colons: ':'.repeat(this.size(node)), end });
  }

  /** After same-colon nesting: takes the outer block's remaining parts back, up to its real closing fence. */
  private absorb(node: ContainerDirective, parent: Parent, index: number): void {
    const size = this.size(node);
    for (let next = index + 1; next < parent.children.length; next++) {
      const sibling = parent.children[next]!;
      if (sibling.type === 'paragraph' && this.fenceOf(sibling) !== undefined && this.fenceOf(sibling)!.length >= size) {
        const moved = parent.children.splice(index + 1, next - index);
        node.children.push(...(moved.slice(0, -1) as never[]));
        if (node.position && sibling.position) node.position.end = sibling.position.end;
        return;
      }
      const home = homeOf(sibling);
      if (home !== undefined && home !== node.name) return;
    }
  }

  /** The colons of a paragraph that is only a fence line, else undefined. */
  fenceOf(paragraph: Paragraph): string | undefined {
    const text = this.source.slice(paragraph.position?.start.offset ?? 0, paragraph.position?.end.offset ?? 0);
    return fenceLine.exec(text)?.[1];
  }
}

/** The plugin: run after remark-directive, before extraction. */
export default function remarkFences() {
  return (tree: Root, file: VFile) => {
    const checker = new FenceChecker(file);
    checker.walk(tree);
    reportStrayFences(tree, file);
  };
}
