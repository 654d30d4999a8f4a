/**
 * Repairs containers that are never closed. micromark-extension-directive lets an unclosed
 * `:::name` run on until a fence with enough colons, which then closes it and everything opened
 * inside it — so one missing fence re-nests the rest of the document. When a block holds
 * something that cannot stand in it (a section heading, a part of the body), the writer meant
 * to close it before that: the missing fence is added there, the text parsed again, and the
 * positions mapped back to the text as written. Each repair is reported at the opening fence.
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Node, Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { visit, EXIT } from './visit-tree.js';
import { report } from '../errors/report.js';
import { containerNames, isContainerName, isLeafName } from './directive-names.js';

/** Repairs at most this many fences; a document broken further is reported as it parses. */
const maxRepairs = 20;
const fenceLine = /^[ \t>]*(:{3,})[ \t]*$/;

/** Where a node must stand: a part's parent block, or 'body'; undefined when it may stand anywhere. */
export function homeOf(node: RootContent): string | undefined {
  if (node.type === 'containerDirective' && isContainerName(node.name)) return containerNames[node.name];
  if (node.type === 'leafDirective' && isLeafName(node.name)) return 'body';
  if (node.type === 'heading' && node.depth <= 2) return 'body';
  return undefined;
}

/** The number of colons of a container's opening fence in `source`. */
export function fenceSize(source: string, node: ContainerDirective): number {
  colons.lastIndex = node.position?.start.offset ?? 0;
  return colons.exec(source)?.[0].length ?? 3;
}
const colons = /:+/y;

/** True when the container ends with a closing fence of its own (not one its parent closes with). */
export function closedOwn(source: string, lines: readonly string[], node: ContainerDirective): boolean {
  const end = node.position?.end;
  if (!end || end.column === 1) return false;
  const colons = fenceLine.exec(lines[end.line - 1] ?? '')?.[1];
  return colons !== undefined && colons.length >= fenceSize(source, node);
}

/** "`## Notes` on line 12", "`::::file` on line 30": how a message names a node. */
export function describeNode(source: string, node: RootContent): string {
  const at = ` on line ${node.position?.start.line ?? '?'}`;
  const text = (from: number | undefined) =>
    source
      .slice(from ?? 0, node.position?.end.offset)
      .split('\n')[0]!
      .trim();
  if (node.type === 'heading') return `\`${'#'.repeat(node.depth)} ${text((node as Heading).children[0]?.position?.start.offset)}\`${at}`;
  if (node.type === 'containerDirective') return `\`${':'.repeat(fenceSize(source, node))}${node.name}\`${at}`;
  if (node.type === 'leafDirective') return `\`::${node.name}\`${at}`;
  return `line ${node.position?.start.line ?? '?'}`;
}

interface Unclosed {
  node: ContainerDirective;
  intruder: RootContent;
}

function firstUnclosed(tree: Root, source: string): Unclosed | undefined {
  const lines = source.split('\n');
  let found: Unclosed | undefined;
  visit(tree, 'containerDirective', (node) => {
    if (!isContainerName(node.name)) return undefined;
    const intruder = node.children.find((child) => {
      const home = homeOf(child as RootContent);
      return home !== undefined && home !== node.name;
    }) as RootContent | undefined;
    if (!intruder) return undefined;
    // A block that holds a section heading was not closed before it. An event, or a block with a
    // closing fence of its own, inside a closed block is only misplaced: extraction says so.
    const closed = closedOwn(source, lines, node);
    if (closed && intruder.type !== 'heading' && (intruder.type !== 'containerDirective' || closedOwn(source, lines, intruder))) return undefined;
    found = { node, intruder };
    return EXIT;
  });
  return found;
}

interface Insertion {
  at: number;
  length: number;
}

/** One `unclosed-directive` error at the opening fence (`opening`), naming what it ran into. */
function reportUnclosed(file: VFile, point: Point, opening: string, before: string): void {
  const end = { ...point, column: point.column + opening.length, offset: (point.offset ?? 0) + opening.length };
  report(file, 'unclosed-directive', { start: point, end }, { fence: opening, colons: opening.replace(/[^:]+$/, ''), end: `before ${before}` });
}

/** Parses `file`, adding the closing fences that unclosed blocks miss; the tree's positions are the file's. */
export function parseRepaired(processor: { parse: (text: string) => Root }, file: VFile): Root {
  const original = String(file.value);
  let text = original;
  const insertions: Insertion[] = [];
  let tree = processor.parse(text) as Root;
  const toOriginal = (offset: number) => {
    let shift = 0;
    for (const insertion of insertions) {
      if (offset >= insertion.at + insertion.length) shift += insertion.length;
      else if (offset > insertion.at) return insertion.at - shift;
    }
    return offset - shift;
  };
  const repaired = new Set<number>();
  for (let repairs = 0; repairs < maxRepairs; repairs++) {
    const unclosed = firstUnclosed(tree, text);
    if (!unclosed) break;
    const { node, intruder } = unclosed;
    const start = node.position?.start.offset ?? 0;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const indent = text.slice(lineStart, start).replace(/[^\t >]/g, ' ');
    const at = text.lastIndexOf('\n', (intruder.position?.start.offset ?? 0) - 1) + 1;
    const fence = `${indent}${':'.repeat(fenceSize(text, node))}\n`;
    const openingPoint = location(original).toPoint(toOriginal(start));
    const before = describeNode(text, intruder).replace(
      /on line \d+$/,
      `on line ${location(original).toPoint(toOriginal(intruder.position?.start.offset ?? 0))?.line ?? '?'}`,
    );
    if (openingPoint) {
      reportUnclosed(file, openingPoint, `${':'.repeat(fenceSize(text, node))}${node.name}`, before);
      repaired.add(openingPoint.offset ?? 0);
    }
    for (const insertion of insertions) if (insertion.at >= at) insertion.at += fence.length;
    insertions.push({ at, length: fence.length });
    insertions.sort((a, b) => a.at - b.at);
    text = `${text.slice(0, at)}${fence}${text.slice(at)}`;
    tree = processor.parse(text) as Root;
  }
  if (insertions.length > 0) mapPositions(tree, original, toOriginal);
  file.data.repairedFences = repaired;
  return tree;
}

function mapPositions(tree: Root, original: string, toOriginal: (offset: number) => number): void {
  const toPoint = location(original).toPoint;
  const map = (point: Point) => toPoint(toOriginal(point.offset ?? 0)) ?? point;
  visit(tree, (node: Node) => {
    if (node.position) node.position = { start: map(node.position.start), end: map(node.position.end) };
  });
}

declare module 'vfile' {
  interface DataMap {
    /** Offsets of the opening fences of blocks repaired by parseRepaired (already reported). */
    repairedFences: Set<number>;
    /** Offsets of parts whose block's opening fence is missing (reported once, at the stray fence). */
    orphanParts: Set<number>;
  }
}
